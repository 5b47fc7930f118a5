package workshop.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import workshop.kernel.runtime.NotebookBridge;
import workshop.kernel.runtime.NotebookFunctions;

@DisplayName("display, render, updateDisplay and eval work in cells like IJava's")
class DisplayTest {

    private static final List<DisplayData> shown = new ArrayList<>();
    private static final List<String> updated = new ArrayList<>();
    private static NotebookSession session;

    @BeforeAll
    static void start() throws Exception {
        Renderer renderer = new Renderer();
        Text.registerAll(renderer);
        Image.registerAll(renderer);
        session = new NotebookSession(KernelSettings.from(Map.of(), 10_000), Path.of(""));
        NotebookFunctions.install(new NotebookBridge() {
            @Override
            public Renderer renderer() {
                return renderer;
            }

            @Override
            public void display(DisplayData data) {
                shown.add(data);
            }

            @Override
            public void updateDisplay(String id, DisplayData data) {
                updated.add(id);
            }

            @Override
            public Object evalCell(String code) throws Exception {
                CellResult result = session.run(code);
                return result.hasValue() ? result.value() : null;
            }
        });
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    @DisplayName("render(text, \"text/html\") is the cell's rich value")
    void renderHtml() throws Exception {
        Object value = session.run("render(\"<b>hi</b>\", \"text/html\")").value();
        assertThat(value).isInstanceOf(DisplayData.class);
        assertThat(((DisplayData) value).getData(MIMEType.parse("text/html"))).isEqualTo("<b>hi</b>");
    }

    @Test
    @DisplayName("display() shows now and returns an id that updateDisplay() uses")
    void displayAndUpdate() throws Exception {
        Object id = session.run("String id = display(\"<svg xmlns='http://www.w3.org/2000/svg'/>\", \"image/svg+xml\");\n"
                + "updateDisplay(id, \"*done*\", \"text/markdown\");\nid").value();
        assertThat(shown).anySatisfy(data -> assertThat(data.getDisplayId()).isEqualTo(id));
        assertThat(updated).contains((String) id);
    }

    @Test
    @DisplayName("a RenderedImage renders as image/png")
    void image() throws Exception {
        Object value = session.run("render(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB))").value();
        assertThat(((DisplayData) value).hasDataForType(MIMEType.parse("image/png"))).isTrue();
    }

    @Test
    @DisplayName("eval(String) runs more code from inside a cell")
    void evalHelper() throws Exception {
        assertThat(session.run("eval(\"int viaEval = 5; viaEval * 2\")").value()).isEqualTo(10);
    }

    @Test
    @DisplayName("inspection shows signatures for the code at the cursor")
    void inspection() {
        assertThat(session.evaluator().documentation("int a = 1;\nMath.abs(", 20)).contains("abs(int");
    }

    @Test
    @DisplayName("completion and completeness come from JShell")
    void completion() {
        JShellEvaluator.Completions completions = session.evaluator().complete("int a = 1;\n\"x\".toUpp", 19);
        assertThat(completions.names()).anyMatch(name -> name.startsWith("toUpperCase"));
        assertThat(completions.start()).isEqualTo(15);
        assertThat(session.evaluator().completeness("void f() {"))
                .isEqualTo(jdk.jshell.SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE);
        assertThat(session.evaluator().completeness("int a = 1;\nvoid f() {}"))
                .isEqualTo(jdk.jshell.SourceCodeAnalysis.Completeness.COMPLETE);
    }
}
