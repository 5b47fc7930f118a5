package workshop.watch;

/** Something that stops watch mode from doing its work, in a sentence the learner can act on. */
final class WatchException extends RuntimeException {

    WatchException(String message) {
        super(message, null, false, false);
    }
}
