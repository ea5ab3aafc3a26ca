// Every chart is on the page from the start as an SVG drawing made at build time, with its table
// and sources (aiparadox/static_charts.py); without this script it all works, light. The script
// (1) keeps the drawings in the reader's colour mode when it differs from the system's,
// (2) keeps Chart | Table | Sources in step in browsers without CSS :has(), and
// (3) makes a chart interactive (tooltips, selectors, legend highlight) once the reader first
//     interacts with the page and the chart is in view: only then are the vega bundle (a file of
//     this book, written by aiparadox/sphinxext.py) and the chart's spec fetched. The interactive
//     chart is drawn over the drawing, in the drawing's own box, so the page does not move.
const root = document.documentElement;
const charts = [...document.querySelectorAll(".aiparadox-chart")];
const FIRST_INTERACTION = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll"];

function pageMode() {
  const theme = root.dataset.theme;
  if (theme === "dark" || theme === "light") return theme;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

// The dark drawings' <source> follows the system's preference; a reader's own choice of mode wins.
function syncDrawings() {
  const theme = root.dataset.theme;
  for (const source of document.querySelectorAll('.aiparadox-chart source[data-mode="dark"]')) {
    source.dataset.auto ??= source.media;
    const media = theme === "dark" ? source.dataset.screen : theme === "light" ? "not all" : source.dataset.auto;
    if (source.media !== media) source.media = media;
  }
}

function merge(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" && !Array.isArray(value) ? merge(base?.[key] ?? {}, value) : value;
  }
  return out;
}

let bundle;
const loadBundle = () => (bundle ??= import(new URL("vega-bundle.js", import.meta.url)));

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

// The reader's choices in a chart's selectors, by parameter, as the inputs give them (strings): made
// on the page's own inputs while the chart is still a drawing, or on Vega's. Each view is set to them
// as soon as Vega has drawn it, so neither the live chart replacing the drawing
// nor a redraw in the other mode loses a choice (the last one counts).
const choices = new WeakMap();

function remember(chart, input) {
  if (!choices.has(chart)) choices.set(chart, new Map());
  choices.get(chart).set(input.name, input.value);
}

async function applyChoices(chart, view, spec) {
  let changed = false;
  for (const [name, value] of choices.get(chart) ?? []) {
    const options = (spec.params ?? []).find((param) => param.name === name)?.bind?.options ?? [];
    const option = options.find((o) => String(o) === value);
    if (option !== undefined && view.signal(name) !== option) {
      view.signal(name, option);
      changed = true;
    }
  }
  if (changed) await view.runAsync();
}

async function draw(chart) {
  const { spec, view } = chart.aiparadox;
  const meta = spec.usermeta.aiparadox;
  const mode = pageMode();
  // The mode's colours first, then the chart's own config, so a chart can still set its own.
  const drawn = { ...spec, config: merge(meta.modes[mode].config, spec.config ?? {}), background: meta.modes[mode].background };
  if (meta.fits) Object.assign(drawn, { width: "container", height: "container", autosize: { type: "fit", contains: "padding" } });
  chart.aiparadox.result?.finalize();
  // The chart's selectors go where the page already shows them (aiparadox/static_charts.py), under
  // the drawing: Vega empties that element and puts its live inputs in it.
  const controls = chart.querySelector(".aiparadox-chart-controls") ?? undefined;
  // The edition's number and time locale ("10 %", "janv. 2020") comes with the spec, as the drawing
  // had it (aiparadox/chart_drawing.py); an English spec has none and keeps d3's default.
  const locale = { formatLocale: meta.formatLocale, timeFormatLocale: meta.timeFormatLocale };
  const options = { renderer: "svg", actions: false, bind: controls, ...(meta.formatLocale ? locale : {}) };
  chart.aiparadox.result = await window.vegaEmbed(view, drawn, options);
  await applyChoices(chart, chart.aiparadox.result.view, spec);
  showTooltipOnTap(chart.aiparadox.result.view);
  const svg = view.querySelector("svg");
  if (svg && spec.description) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", spec.description);
  }
  chart.dataset.mode = mode;
}

async function makeInteractive(chart) {
  if (chart.dataset.interactive) return;
  chart.dataset.interactive = "loading";
  const box = chart.querySelector(".aiparadox-chart-drawing");
  const view = document.createElement("div");
  view.className = "aiparadox-chart-view";
  try {
    const [spec] = await Promise.all([
      fetch(chart.dataset.spec).then((r) => {
        if (!r.ok) throw new Error(`${r.status} for ${r.url}`);
        return r.json();
      }),
      loadBundle(),
    ]);
    box.append(view);
    chart.aiparadox = { spec, view };
    await draw(chart);
    box.classList.add("is-interactive");
    chart.dataset.interactive = "true";
  } catch (error) {
    // The drawing stays: the reader loses the tooltips, not the chart.
    view.remove();
    chart.dataset.interactive = "error";
    console.error("aiparadox chart", chart.dataset.chart, error);
  }
}

function startInteractive() {
  for (const type of FIRST_INTERACTION) removeEventListener(type, startInteractive, { capture: true });
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries.filter((e) => e.isIntersecting)) {
        observer.unobserve(entry.target);
        makeInteractive(entry.target.closest(".aiparadox-chart"));
      }
    },
    { rootMargin: "200px 0px" },
  );
  for (const chart of charts) observer.observe(chart.querySelector(".aiparadox-chart-drawing"));
}

if (charts.length > 0) {
  syncDrawings();
  for (const chart of charts) {
    chart.addEventListener("change", (event) => {
      if (event.target.matches(".aiparadox-chart-views input")) chart.dataset.view = event.target.value;
      else if (event.target.matches(".aiparadox-chart-controls :is(input, select)")) remember(chart, event.target);
    });
  }
  for (const type of FIRST_INTERACTION) addEventListener(type, startInteractive, { capture: true, passive: true });
  new MutationObserver(async () => {
    syncDrawings();
    for (const chart of charts) {
      if (chart.dataset.interactive === "true" && chart.dataset.mode !== pageMode()) await draw(chart);
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
}
