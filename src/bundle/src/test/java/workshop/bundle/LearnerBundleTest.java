package workshop.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerBundleTest {

    @TempDir
    Path repository;

    @Test
    void solutionsCiTheCheckAndTheBundleModuleStayOut() {
        assertThat(LearnerBundle.inLearnerBundle("katas/01-cookies/src/main/java/workshop/cookies/Cookie.java")).isTrue();
        assertThat(LearnerBundle.inLearnerBundle("src/progress/src/main/java/workshop/progress/LearnerTable.java")).isTrue();
        assertThat(List.of("solutions/01-cookies/README.md", "solutions/guide/README.md", ".ci/run", "src/bundle/pom.xml",
                "src/progress/src/main/java/workshop/progress/KataCheck.java"))
                .noneMatch(LearnerBundle::inLearnerBundle);
        assertThat(List.of("KataCheck.java", "KataCheck.class", "KataCheck$Row.class", "KataCheckTest.java"))
                .allMatch(LearnerBundle::isKataCheck);
        assertThat(LearnerBundle.isKataCheck("EngineEvent$KataChecked.class")).isFalse();
    }

    @Test
    void theManifestListsEveryFileWithItsHashAndSize() throws IOException {
        Files.createDirectories(repository.resolve("org/example/a/1.0"));
        Files.writeString(repository.resolve("org/example/a/1.0/a-1.0.jar"), "abc");
        LearnerBundle.writeManifest(repository);
        LearnerBundle.writeManifest(repository); // a second run does not list the manifest itself

        assertThat(Files.readAllLines(repository.resolve("kit-manifest.tsv"))).containsExactly("# kit-manifest v1",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\t3\torg/example/a/1.0/a-1.0.jar");
    }

    @Test
    void theReadmeSaysWhatTheBundleLeavesOutUnderItsTitle() {
        String readme = LearnerBundle.withBundleNote("# Kit\n\nIntro.\n");
        assertThat(readme).startsWith("# Kit\n\n> **This is the learner bundle.**").contains("not in the learner bundle")
                .endsWith("Intro.\n");
    }

    @Test
    void aSolutionBodyIsComparedWithoutItsPackageAndLayout() {
        assertThat(LearnerBundle.body("package a;\nclass A {\n    int x() {\n        return 1;\n    }\n}\n"))
                .isEqualTo("{ int x() { return 1; } }");
    }

    @Test
    void everyGoalLineIsOneMavenRun() {
        assertThat(LearnerBundle.goalLines()).contains("test", "test -Dhint=C1", "-Pwatch", "-Pnotebooks -Dnotebook=00")
                .noneMatch(l -> l.startsWith("#"));
    }
}
