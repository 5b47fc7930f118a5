package workshop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The learner's command itself: {@code java src/doctor/workshop/doctor/Doctor.java}, started from the kit's root. */
class DoctorCommandTest {

    record Result(int exit, List<String> lines) {
        String last() {
            return lines.get(lines.size() - 1);
        }
    }

    static Result doctor(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "src/doctor/workshop/doctor/Doctor.java"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DoctorTest.KIT.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the doctor finished").isTrue();
        return new Result(process.exitValue(), output.lines().toList());
    }

    @Test
    void on_this_machine_the_command_exits_0_with_only_ok_lines() throws Exception {
        Result result = doctor();

        assertThat(result.lines()).as(String.join("\n", result.lines()))
                .noneMatch(l -> l.startsWith("FIX:"))
                .anyMatch(l -> l.startsWith("OK   java: "));
        assertThat(result.exit()).isZero();
        assertThat(result.last()).isEqualTo("Ready: nothing to fix. See you at the workshop.");
    }

    @Test
    void a_taken_port_makes_the_command_exit_1_with_a_fix_and_the_verdict_last() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Result result = doctor("--only=ports", "--port=" + taken.getLocalPort());

            assertThat(result.lines()).as(String.join("\n", result.lines()))
                    .anyMatch(l -> l.startsWith("FIX: ports: 127.0.0.1:" + taken.getLocalPort() + " is taken"));
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.last()).startsWith("1 thing needs fixing");
        }
    }

    @Test
    void an_unknown_option_exits_2_and_names_the_options() throws Exception {
        Result result = doctor("--bogus");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.last()).contains("unknown option --bogus").contains("--port=NNNN");
    }
}
