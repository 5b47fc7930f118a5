package workshop.kernel.runtime;

/**
 * Stands in for {@code System.exit} in notebook cells: the cell's code runs inside the kernel,
 * so exiting would end the kernel instead of a program.
 */
public final class ExitGuard {

    private ExitGuard() {
    }

    /**
     * Refuses to exit.
     *
     * @param status the status the cell asked to exit with
     * @throws SystemExitRefusedException always
     */
    public static void exit(int status) {
        throw new SystemExitRefusedException(status);
    }

    /** Thrown instead of ending the kernel's JVM. */
    public static final class SystemExitRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SystemExitRefusedException(int status) {
            super("System.exit(" + status + ") was not run: notebook code runs inside the kernel, so exiting"
                    + " would stop the kernel. To start over, use Kernel > Restart; to end a computation, return"
                    + " or throw an exception.");
        }
    }
}
