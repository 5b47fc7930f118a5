/**
 * A real Redis for module 05: {@link workshop.simulator.redis.KitRedis#start()} gives a connected Jedis client, to
 * the server named by {@code REDIS_URL} or to an embedded {@code redis-server} that listens on 127.0.0.1 only, with a
 * random password and nothing on disk.
 */
package workshop.simulator.redis;
