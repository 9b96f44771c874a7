// Validates products.yaml against the Kubernetes API's JSON schemas, as bundled by the npm package
// kubernetes-models (the API's own OpenAPI definitions, checked with Ajv). No cluster is needed:
//   cd "$(mktemp -d)" && npm install kubernetes-models yaml && node <repo>/src/main/kubernetes/validate.mjs
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(join(process.cwd(), "package.json"));
const { parseAllDocuments } = require("yaml");
const models = require("kubernetes-models");

const file = join(dirname(fileURLToPath(import.meta.url)), "products.yaml");
let failures = 0;
for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
  const manifest = document.toJSON();
  // core kinds are under models.v1; others under their group, camel-cased (policy.v1, apps.v1, ...)
  const [group, version] = manifest.apiVersion.includes("/") ? manifest.apiVersion.split("/") : ["", manifest.apiVersion];
  const key = group.replace(/\.(\w)/g, (_, c) => c.toUpperCase()); // networking.k8s.io: networkingK8sIo
  const Kind = group === "" ? models[version]?.[manifest.kind] : models[key]?.[version]?.[manifest.kind];
  if (!Kind) {
    console.log(`${manifest.kind} ${manifest.apiVersion}: no schema found`);
    failures++;
    continue;
  }
  try {
    new Kind(manifest).validate();
    console.log(`${manifest.kind} ${manifest.metadata.name}: valid ${manifest.apiVersion}`);
  } catch (e) {
    console.log(`${manifest.kind} ${manifest.metadata.name}: ${e.message}`);
    failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
