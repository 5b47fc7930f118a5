/**
 * Module 05's test bed: N instances of a small shop app behind a load balancer, all on 127.0.0.1.
 * {@link workshop.simulator.cluster.AppCluster} starts them; each instance calls a
 * {@link workshop.simulator.cluster.SessionStore} per request (its own memory by default, or one shared store such
 * as Redis); {@link workshop.simulator.cluster.ShopClient} plays a user with a cookie jar. A store that throws makes
 * the app answer 503 (fail closed).
 */
package workshop.simulator.cluster;
