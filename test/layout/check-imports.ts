/**
 * Reads every source file under a `src/` folder and reports each import that breaks the rings
 * (`rings.ts`), each pair of folders that import each other, each forbidden global a ring uses,
 * each folder missing from the table, and each file over the line limit — naming file and line.
 * Uses the TypeScript parser, so comments and strings never count as imports.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export interface Rules {
  rings: Readonly<Record<string, readonly string[]>>;
  forbiddenGlobals: Readonly<Record<string, readonly string[]>>;
  maxLines: number;
}

/** One import found in a file: where it is and which ring it reaches. */
interface Edge {
  file: string;
  line: number;
  specifier: string;
  from: string;
  to: string;
}

const SOURCE = /\.(ts|mjs|js|astro|py)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(join(dir, d.name))
      : SOURCE.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );
}

/** The ring of a path under `src`: its first folder, or its own name for files in `src/`. */
function ringOf(src: string, path: string): string {
  return relative(src, path).split("/")[0] ?? "";
}

/** The script parts of a file, with the line each starts on (Astro: frontmatter and <script>s). */
function scripts(path: string, text: string): { code: string; firstLine: number }[] {
  if (!path.endsWith(".astro")) return [{ code: text, firstLine: 1 }];
  const parts: { code: string; firstLine: number }[] = [];
  const lineAt = (offset: number): number => text.slice(0, offset).split("\n").length;
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (front?.[1] !== undefined) parts.push({ code: front[1], firstLine: 2 });
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = m.index + m[0].indexOf(">") + 1;
    parts.push({ code: m[1] ?? "", firstLine: lineAt(start) });
  }
  return parts;
}

/** Module specifiers (static, dynamic, `new URL(x, import.meta.url)`) and identifiers used. */
function scan(code: string): {
  specifiers: { text: string; line: number }[];
  names: Map<string, number>;
} {
  const sf = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true);
  const specifiers: { text: string; line: number }[] = [];
  const names = new Map<string, number>();
  const line = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier))
        specifiers.push({ text: node.moduleSpecifier.text, line: line(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) specifiers.push({ text: arg.text, line: line(node) });
    } else if (ts.isNewExpression(node) && node.expression.getText(sf) === "URL") {
      const [arg, base] = node.arguments ?? [];
      if (arg && ts.isStringLiteralLike(arg) && base?.getText(sf) === "import.meta.url")
        specifiers.push({ text: arg.text, line: line(node) });
    } else if (ts.isIdentifier(node) && !names.has(node.text)) {
      const parent = node.parent;
      // `x.document` or `{ document: … }` name a property, not the global.
      const isProperty =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isPropertySignature(parent) ||
        ts.isMethodDeclaration(parent);
      if (!isProperty) names.set(node.text, line(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { specifiers, names };
}

/** Every rule broken under `src`, as "file:line: what" sentences (empty when all is well). */
export function checkImports(src: string, rules: Rules): string[] {
  const problems: string[] = [];
  const root = dirname(src);
  const edges: Edge[] = [];
  for (const entry of readdirSync(src)) {
    if (!(entry in rules.rings))
      problems.push(`src/${entry}: not in the ring table (test/layout/rings.ts, ARCHITECTURE.md)`);
  }
  for (const path of sourceFiles(src)) {
    const file = relative(root, path);
    const from = ringOf(src, path);
    const text = readFileSync(path, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > rules.maxLines)
      problems.push(`${file}: ${String(lines)} lines (the limit is ${String(rules.maxLines)})`);
    // Python (the driver) counts for the line limit only; it imports nothing of ours.
    if (path.endsWith(".py")) continue;
    for (const { code, firstLine } of scripts(path, text)) {
      const { specifiers, names } = scan(code);
      for (const s of specifiers) {
        if (!s.text.startsWith(".")) continue;
        const target = resolve(dirname(path), s.text.replace(/\?.*$/, ""));
        const rel = relative(src, target);
        if (rel.startsWith("..")) continue;
        edges.push({
          file,
          line: firstLine + s.line,
          specifier: s.text,
          from,
          to: ringOf(src, target),
        });
      }
      for (const name of rules.forbiddenGlobals[from] ?? []) {
        const at = names.get(name);
        if (at !== undefined)
          problems.push(`${file}:${String(firstLine + at)}: ${from}/ must not use \`${name}\``);
      }
    }
  }
  for (const e of edges) {
    if (e.from === e.to) continue;
    if (!(rules.rings[e.from] ?? []).includes(e.to))
      problems.push(
        `${e.file}:${String(e.line)}: ${e.from} may not import ${e.to} ("${e.specifier}")`,
      );
  }
  const pairs = new Set(edges.filter((e) => e.from !== e.to).map((e) => `${e.from}>${e.to}`));
  for (const pair of [...pairs].sort()) {
    const [a = "", b = ""] = pair.split(">");
    if (a < b && pairs.has(`${b}>${a}`)) {
      const where = edges
        .filter((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a))
        .map((e) => `${e.file}:${String(e.line)}`);
      problems.push(`${a} and ${b} import each other (${where.join(", ")})`);
    }
  }
  return problems;
}

/** The ring table itself must point one way: a cycle in it would make "inward" meaningless. */
export function ringCycles(rings: Readonly<Record<string, readonly string[]>>): string[] {
  const cycles: string[] = [];
  const visit = (ring: string, path: string[]): void => {
    for (const next of rings[ring] ?? []) {
      if (path.includes(next)) cycles.push([...path, next].join(" -> "));
      else visit(next, [...path, next]);
    }
  };
  for (const ring of Object.keys(rings)) visit(ring, [ring]);
  return cycles;
}
