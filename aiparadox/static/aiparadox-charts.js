// Draws every chart on the page from the Vega-Lite spec the book embedded next to it, as SVG,
// in the colours of the page's light or dark mode (and again when the reader switches mode).
// The vega bundle is a file of this book (written at build time by aiparadox.sphinxext), and it
// is only loaded on pages that have a chart.
const charts = [...document.querySelectorAll(".aiparadox-chart")];

// Text and rule colours per mode, as aiparadox.charts.INK has them (tests/test_charts.py checks the
// dark drawing of every chart with those); the data colours (a colour-blind-safe palette) stay the same.
const INK = {
  light: { text: "#222832", muted: "#48566b", grid: "#dddddd", domain: "#888888" },
  dark: { text: "#ced6dd", muted: "#9ca4af", grid: "#3a4350", domain: "#9ca4af" },
};

function modeColours(mode) {
  const ink = INK[mode] || INK.light;
  return {
    axis: { labelColor: ink.text, titleColor: ink.text, gridColor: ink.grid, domainColor: ink.domain, tickColor: ink.domain },
    legend: { labelColor: ink.text, titleColor: ink.text },
    title: { color: ink.text, subtitleColor: ink.muted },
    header: { labelColor: ink.text, titleColor: ink.text },
    text: { color: ink.text },
    rule: { color: ink.muted },
  };
}

function merge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" && !Array.isArray(value) ? merge(base?.[key] ?? {}, value) : value;
  }
  return out;
}

function currentMode() {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

// Vega shows a tooltip when the pointer comes over a mark and hides it when the pointer leaves. A
// finger leaves as it lifts, so on a touch screen the tooltip would vanish before it is seen: on a
// click or a tap, show the item's tooltip again, after the pointer has left (it then stays until the
// next touch). The handler's first argument, the scenegraph handler, is only read for tooltips
// anchored to their mark; the book's follow the pointer.
function showTooltipOnTap(view) {
  const tooltip = view.tooltip();
  view.addEventListener("click", (event, item) => {
    if (item && item.tooltip != null) tooltip.call(view, null, event, item, item.tooltip);
  });
}

async function draw(chart, mode) {
  const view = chart.querySelector(".aiparadox-chart-view");
  try {
    const spec = JSON.parse(chart.querySelector(".aiparadox-chart-spec").textContent);
    // Colours of the mode first, then the chart's own config, so a chart can still set its own.
    spec.config = merge(modeColours(mode), spec.config ?? {});
    // The editor action would send the spec to vega.github.io: the book stays on its own host.
    const result = await window.vegaEmbed(view, spec, {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
    });
    showTooltipOnTap(result.view);
    const svg = view.querySelector("svg");
    if (svg && spec.description) {
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", spec.description);
    }
    // vega-embed's menu button is an icon with no text.
    view.querySelector("details > summary")?.setAttribute("aria-label", "Chart menu: save the chart as SVG or PNG");
    chart.dataset.rendered = "true";
    chart.dataset.mode = mode;
  } catch (error) {
    chart.dataset.rendered = "error";
    view.textContent = `This chart could not be drawn (${error.message}). Its data can still be downloaded below.`;
    console.error("aiparadox chart", chart.dataset.chart, error);
  }
}

if (charts.length > 0) {
  await import(new URL("vega-bundle.js", import.meta.url));
  let mode = currentMode();
  for (const chart of charts) await draw(chart, mode);
  new MutationObserver(async () => {
    if (currentMode() === mode) return;
    mode = currentMode();
    for (const chart of charts) await draw(chart, mode);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
