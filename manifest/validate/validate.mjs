// Validates a Teams app package offline: manifest.json against Microsoft's published schema for its manifestVersion
// (from the @microsoft/app-manifest package, no network), plus the two icons Teams requires.
// Usage: node validate.mjs <appPackage.zip | manifest.json>   Exit code 0 = valid, 1 = invalid, 2 = usage error.
import { createRequire } from "node:module";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import AdmZip from "adm-zip";
import appManifest from "@microsoft/app-manifest";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = appManifest;

const input = process.argv[2];
if (!input || !existsSync(input)) {
  console.error("Usage: node validate.mjs <appPackage.zip | manifest.json> (file not found: " + (input ?? "none") + ")");
  process.exit(2);
}

const problems = [];
const files = readPackage(input);
const manifestText = files.get("manifest.json");
if (manifestText === undefined) {
  fail(["manifest.json is missing from the package root"]);
}

let manifest;
try {
  manifest = JSON.parse(manifestText.toString("utf8").replace(/^\uFEFF/, ""));
} catch (error) {
  fail(["manifest.json is not valid JSON: " + error.message]);
}

const version = manifest.manifestVersion;
const schemaPath = schemaFor(version);
if (!schemaPath) {
  fail([`manifestVersion "${version}" has no schema in @microsoft/app-manifest`]);
}

const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
problems.push(...schemaErrors.map((error) => "schema: " + error));

if (input.toLowerCase().endsWith(".zip")) {
  checkIcon(manifest.icons?.color, 192);
  checkIcon(manifest.icons?.outline, 32);
}

if (problems.length > 0) {
  fail(problems);
}
console.log(`OK: manifest.json is valid against the Teams app manifest schema v${version}`);

function readPackage(file) {
  const entries = new Map();
  if (file.toLowerCase().endsWith(".zip")) {
    for (const entry of new AdmZip(file).getEntries()) {
      entries.set(entry.entryName, entry.getData());
    }
  } else {
    entries.set("manifest.json", readFileSync(file));
  }
  return entries;
}

function schemaFor(manifestVersion) {
  if (typeof manifestVersion !== "string" || !/^(1\.\d+|devPreview)$/.test(manifestVersion)) {
    return undefined;
  }
  const folder = manifestVersion === "devPreview" ? "vDevPreview" : "v" + manifestVersion;
  const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const candidate = path.join(packageRoot, "build", "json-schemas", "teams", folder, "MicrosoftTeams.schema.json");
  return existsSync(candidate) ? candidate : undefined;
}

// Teams refuses a package whose icons are missing or the wrong size; the PNG header holds width and height.
function checkIcon(name, size) {
  const data = name ? files.get(name) : undefined;
  if (!data) {
    problems.push(`icon "${name}" is not in the package`);
    return;
  }
  const isPng = data.length >= 24 && data.toString("latin1", 1, 4) === "PNG" && data.toString("latin1", 12, 16) === "IHDR";
  if (!isPng) {
    problems.push(`icon "${name}" is not a PNG file`);
    return;
  }
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  if (width !== size || height !== size) {
    problems.push(`icon "${name}" is ${width}x${height}, Teams needs ${size}x${size}`);
  }
}

function fail(messages) {
  for (const message of messages) {
    console.error("INVALID: " + message);
  }
  process.exit(1);
}
