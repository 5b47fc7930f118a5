package workshop.simulator.redis;

/** A JVM that starts an embedded Redis, prints its PID and waits to be killed (for {@link KitRedisTest}). */
public final class OrphanChild {

    public static void main(String[] args) throws Exception {
        KitRedis redis = KitRedis.embedded();
        String pid = KitRedis.infoField(redis.client().info("server"), "process_id").orElseThrow();
        System.out.println("REDIS-PID " + pid);
        System.out.flush();
        System.in.read();   // until the parent kills this JVM (or closes stdin)
        redis.close();
    }
}
