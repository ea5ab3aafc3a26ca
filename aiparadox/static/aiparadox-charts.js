// Draws every chart on the page from the Vega-Lite spec the book embedded next to it.
// The vega bundle is a file of this book (written at build time by aiparadox.sphinxext), and it
// is only loaded on pages that have a chart.
const charts = document.querySelectorAll(".aiparadox-chart");

if (charts.length > 0) {
  await import(new URL("vega-bundle.js", import.meta.url));
  for (const chart of charts) {
    const view = chart.querySelector(".aiparadox-chart-view");
    try {
      const spec = JSON.parse(chart.querySelector(".aiparadox-chart-spec").textContent);
      // The editor action would send the spec to vega.github.io: the book stays on its own host.
      await window.vegaEmbed(view, spec, {
        renderer: "svg",
        actions: { export: true, source: false, compiled: false, editor: false },
      });
      const svg = view.querySelector("svg");
      if (svg && spec.description) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", spec.description);
      }
      chart.dataset.rendered = "true";
    } catch (error) {
      chart.dataset.rendered = "error";
      view.textContent = `This chart could not be drawn (${error.message}). Its data can still be downloaded below.`;
      console.error("aiparadox chart", chart.dataset.chart, error);
    }
  }
}
