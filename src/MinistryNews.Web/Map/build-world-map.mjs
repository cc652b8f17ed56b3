// Builds the world map of the overviews from Natural Earth's 1:110m countries (the world-atlas package), projected
// once here (Equal Earth) so that the site draws it without a script or a request leaving it:
//   ../wwwroot/map/world.svg  every country's shape as a <path id="ISO alpha-2 code"> (for <use href="…#JP">), all of
//                             them in <g id="world"> (the land drawn under the shaded countries);
//   world-map.json            the frame, the codes that have a shape, and a point for each country too small for
//                             the 1:110m shapes (taken from the 1:50m ones), drawn as a dot.
// Run `npm ci && npm run build` in this folder after changing it or the packages, and commit what it writes.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { geoEqualEarth, geoPath, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";

const width = 960;
const precision = 1; // decimals of a pixel kept in the paths

const load = (name) => JSON.parse(readFileSync(new URL(`node_modules/world-atlas/${name}`, import.meta.url)));
const small = feature(load("countries-110m.json"), "countries").features;
const large = feature(load("countries-50m.json"), "countries").features;

// A feature's code: world-atlas keys countries by ISO 3166-1 numeric; a few territories have none and are left out.
const codeOf = (f) => (f.id === undefined ? undefined : countries.numericToAlpha2(f.id));
const antarctica = "AQ";

const land = small.filter((f) => codeOf(f) && codeOf(f) !== antarctica);
const projection = geoEqualEarth().fitWidth(width, { type: "FeatureCollection", features: land });
const path = geoPath(projection).digits(precision);
const bounds = path.bounds({ type: "FeatureCollection", features: land });
const [top, bottom] = [Math.floor(bounds[0][1]), Math.ceil(bounds[1][1])];
const height = bottom - top;

const shapes = new Map();
for (const f of land) {
  const code = codeOf(f);
  const d = path(f);
  if (d) shapes.set(code, (shapes.get(code) ?? "") + d);
}

const dots = {};
for (const f of large) {
  const code = codeOf(f);
  if (!code || code === antarctica || shapes.has(code)) continue;
  const [x, y] = projection(geoCentroid(f));
  dots[code] = [Math.round(x * 10) / 10, Math.round((y - top) * 10) / 10];
}

const out = new URL("../wwwroot/map/", import.meta.url);
mkdirSync(out, { recursive: true });
const codes = [...shapes.keys()].sort();
writeFileSync(new URL("world.svg", out),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 ${top} ${width} ${height}">` +
  `<!-- Natural Earth 1:110m (public domain) by way of world-atlas 2.0.2 (ISC, LICENSE-world-atlas.txt), Equal Earth projection. -->\n` +
  `<g id="world">\n` + codes.map((c) => `<path id="${c}" d="${shapes.get(c)}"/>`).join("\n") + "\n</g>\n</svg>\n");
copyFileSync(new URL("node_modules/world-atlas/LICENSE", import.meta.url), new URL("LICENSE-world-atlas.txt", out));
writeFileSync(new URL("world-map.json", import.meta.url), JSON.stringify({ width, top, height, shapes: codes, dots }, null, 1) + "\n");
console.log(`${codes.length} shapes, ${Object.keys(dots).length} dots, ${width}×${height}`);
