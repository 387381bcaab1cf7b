// Reads each BPMN file with bpmn-moddle (the model layer of bpmn-js / bpmn.io and Camunda Modeler)
// and prints one JSON object: {file: {warnings: [...], error: "..."|null, shapes: n, edges: n}}.
import { readFile } from "node:fs/promises";
import { BpmnModdle } from "bpmn-moddle";

const moddle = new BpmnModdle();
const report = {};
for (const file of process.argv.slice(2)) {
  const xml = await readFile(file, "utf8");
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml);
    const planes = (rootElement.diagrams || []).map((d) => d.plane);
    const elements = planes.flatMap((p) => p.planeElement || []);
    const unresolved = elements.filter((e) => !e.bpmnElement).map((e) => e.id);
    report[file] = {
      warnings: warnings.map((w) => w.message),
      unresolvedDi: unresolved,
      shapes: elements.filter((e) => e.$type === "bpmndi:BPMNShape").length,
      edges: elements.filter((e) => e.$type === "bpmndi:BPMNEdge").length,
      plane: planes.length ? (planes[0].bpmnElement ? planes[0].bpmnElement.$type : null) : null,
      error: null,
    };
  } catch (err) {
    report[file] = { warnings: [], unresolvedDi: [], shapes: 0, edges: 0, plane: null, error: String(err) };
  }
}
console.log(JSON.stringify(report));
