package workshop.simulator.cluster;

/**
 * One request as the balancer routed it.
 *
 * @param sequence 1 for the first request the balancer received, then 2, 3…
 * @param instance the instance that answered (1 to N), or 0 if none did (all dead, refused by the balancer)
 * @param status   the status the client got
 * @param note     what the balancer did besides forwarding, e.g. "instance 2 is down, skipped"; empty if nothing
 */
public record Routed(long sequence, String method, String path, int instance, int status, String note) {

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + path + " → " + (instance == 0 ? "no instance" : "instance " + instance)
                + " → " + status + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
