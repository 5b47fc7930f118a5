package workshop.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WORKSHOP_KERNEL_MODE=ijava hands JShell each snippet as IJava 1.3 does")
class IJavaModeTest {

    private static NotebookSession kit;
    private static NotebookSession ijava;

    @BeforeAll
    static void start() throws Exception {
        kit = new NotebookSession(KernelSettings.from(Map.of(), 10_000), Path.of(""));
        ijava = new NotebookSession(KernelSettings.from(Map.of(EvaluationMode.ENV, "ijava"), 10_000), Path.of(""));
    }

    @AfterAll
    static void stop() {
        kit.close();
        ijava.close();
    }

    private static Object afterImportOnASecondLine(NotebookSession session, String name) throws Exception {
        session.run("int " + name + "Count = 1;");
        session.run("String " + name + " = \"hello\";");
        // An on-demand import with its leading newline: JShell re-checks snippets that name types.
        session.run("int " + name + "Other = 2;\nimport java.time.*;");
        assertThat(session.run(name + "Count").value())
                .as("an int names no type, so JShell leaves it alone in both modes")
                .isEqualTo(1);
        return session.run(name).value();
    }

    @Test
    @DisplayName("kit mode: an import on a cell's second line keeps earlier variables")
    void kitModeKeepsVariables() throws Exception {
        assertThat(afterImportOnASecondLine(kit, "kept"))
                .as("the kit strips snippets, so the String variable keeps its value")
                .isEqualTo("hello");
    }

    @Test
    @DisplayName("ijava mode: an import on a cell's second line resets earlier variables, as on IJava")
    void ijavaModeResetsVariables() throws Exception {
        assertThat(afterImportOnASecondLine(ijava, "lost"))
                .as("IJava hands JShell '\\nimport java.time.*;'; JShell redefines the String variable"
                        + " under a new class and, executing in-process, it restarts as null")
                .isNull();
    }

    @Test
    @DisplayName("ijava mode: the same import on a cell's first line keeps earlier variables")
    void ijavaModeImportFirstIsSafe() throws Exception {
        ijava.run("String safe = \"hello\";");
        ijava.run("import java.time.*;\nint safeOther = 2;");
        assertThat(ijava.run("safe").value())
                .as("imports on a cell's first lines have no leading newline, so nothing is redefined")
                .isEqualTo("hello");
    }

    @Test
    @DisplayName("ijava mode: a compile error still names the right cell line")
    void ijavaModeErrorLine() {
        assertThatThrownBy(() -> ijava.run("int fine = 1;\n\nint broken = notDeclaredAnywhere + 1;"))
                .isInstanceOf(CompilationException.class)
                .satisfies(e -> assertThat(((CellException) e).traceback())
                        .as("the snippet starts with two newlines; the error is on cell line 3")
                        .anyMatch(line -> line.startsWith("Cell line 3")));
    }

    @Test
    @DisplayName("ijava mode: magics run, and the code after a magic line starts with its newline")
    void ijavaModeSplitsMagicsLikeIJava() {
        List<CellParser.Part> parts = CellParser.parseAsIJava("int a = 1;\n%jars none/*.jar\nint b = 2;");
        assertThat(parts).as("code, magic, code").hasSize(3);
        assertThat(parts.get(0)).as("the code before a magic ends before the magic line's newline")
                .isEqualTo(new CellParser.Code("int a = 1;", 1));
        assertThat(parts.get(1)).isInstanceOf(CellParser.LineMagic.class);
        assertThat(parts.get(2)).as("IJava turns the magic into a statement; the rest starts with '\\n'")
                .isEqualTo(new CellParser.Code("\nint b = 2;", 2));
        assertThat(CellParser.parseAsIJava("\nint c = 3;\n"))
                .as("without magics the cell reaches JShell unchanged, blank lines and all")
                .containsExactly(new CellParser.Code("\nint c = 3;\n", 1));
    }

    @Test
    @DisplayName("the mode is read from WORKSHOP_KERNEL_MODE; an unknown value is refused with the choices")
    void modeSetting() {
        assertThat(KernelSettings.from(Map.of(), 1).mode()).as("unset means the kit's mode")
                .isEqualTo(EvaluationMode.KIT);
        assertThat(KernelSettings.from(Map.of(EvaluationMode.ENV, " IJava "), 1).mode())
                .isEqualTo(EvaluationMode.IJAVA);
        assertThatThrownBy(() -> KernelSettings.from(Map.of(EvaluationMode.ENV, "jjava"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WORKSHOP_KERNEL_MODE='jjava'")
                .hasMessageContaining("'kit'")
                .hasMessageContaining("'ijava'");
    }

    @Test
    @DisplayName("the notebook runner takes a list of modes and refuses an unknown one")
    void runnerModes() {
        assertThat(NotebookRunner.parseModes("kit,ijava,kit"))
                .as("each mode once, in order")
                .containsExactly(EvaluationMode.KIT, EvaluationMode.IJAVA);
        assertThatThrownBy(() -> NotebookRunner.parseModes("kit,ijav"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ijav' is not a kernel mode");
        assertThatThrownBy(() -> NotebookRunner.parseModes(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use kit, ijava or kit,ijava");
    }

    @Test
    @DisplayName("the IJava pass names a cell whose import follows other code")
    void lateImportsAreNamed() {
        JsonArray cells = new JsonArray();
        cells.add(cell("markdown", "import this is prose"));
        cells.add(cell("code", "%jars lib/*.jar\n// setup\nimport java.time.*;\nimport java.util.stream.*;"));
        cells.add(cell("code", "var clock = 1;\n\nimport java.time.Duration;"));
        assertThat(NotebookRunner.lateImports("nb.ipynb", cells))
                .as("magics, comments and other imports may come first; code may not")
                .containsExactly("nb.ipynb, cell 3 of 3 (var clock = 1;): line 3 'import java.time.Duration;' comes"
                        + " after other code. On IJava that import reaches JShell with its leading newline and can"
                        + " reset earlier variables to null; move every import to the cell's first lines.");
    }

    private static JsonObject cell(String type, String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", type);
        cell.addProperty("source", source);
        return cell;
    }
}
