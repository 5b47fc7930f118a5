package workshop.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PomEditTest {

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <!-- Kept: a comment about the modules. -->
              <modules>
                <module>src/kata-support</module>
                <module>src/bundle</module>
              </modules>
              <properties>
                <step></step>
                <hint/>
              </properties>
              <profiles>
                <profile>
                  <id>watch</id>
                  <!-- Kept too -->
                </profile>
                <profile>
                  <id>solutions</id>
                  <modules><module>solutions/01-cookies</module></modules>
                </profile>
                <!-- mvn -Pbundle: goes with its profile. -->
                <profile>
                  <id>bundle</id>
                  <modules>
                    <module>src/bundle</module>
                  </modules>
                </profile>
              </profiles>
            </project>
            """;

    @Test
    void theSolutionsAndBundleProfilesGoAndEverythingElseStaysAsWritten() {
        String edited = new String(PomEdit.strip(POM.getBytes(StandardCharsets.UTF_8), Set.of("solutions", "bundle"),
                Set.of("src/bundle")), StandardCharsets.UTF_8);

        assertThat(edited).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <!-- Kept: a comment about the modules. -->
                  <modules>
                    <module>src/kata-support</module>
                  </modules>
                  <properties>
                    <step></step>
                    <hint/>
                  </properties>
                  <profiles>
                    <profile>
                      <id>watch</id>
                      <!-- Kept too -->
                    </profile>
                  </profiles>
                </project>
                """);
        assertThat(PomEdit.profileIds(POM.getBytes(StandardCharsets.UTF_8))).containsExactly("watch", "solutions", "bundle");
    }

    @Test
    void aPomWithoutThoseProfilesComesBackUnchanged() {
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                  <name>Kata 01 · Cookies (starter) &amp; more</name>
                </project>
                """;
        assertThat(new String(PomEdit.strip(pom.getBytes(StandardCharsets.UTF_8), Set.of("solutions"), Set.of()),
                StandardCharsets.UTF_8)).isEqualTo(pom);
    }
}
