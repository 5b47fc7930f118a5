package workshop.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;

/** What the notebook helpers need from the running kernel. */
public interface NotebookBridge {

    /** @return the renderer that turns objects into MIME bundles */
    Renderer renderer();

    /** @param data a bundle to show now, below the running cell */
    void display(DisplayData data);

    /**
     * @param id the display id returned earlier by {@code display}
     * @param data the bundle that replaces it
     */
    void updateDisplay(String id, DisplayData data);

    /**
     * @param code cell source, magics included
     * @return the value of its last expression, or {@code null}
     * @throws Exception when the code fails
     */
    Object evalCell(String code) throws Exception;
}
