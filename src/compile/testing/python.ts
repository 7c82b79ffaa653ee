import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the structural parser reads back from generated Keras code: one entry per layer. */
export interface ParsedLayer {
  variable: string | null;
  className: string;
  kwargs: Record<string, unknown>;
  /** Variables fed into the layer (functional code only). */
  inputs: string[];
}

/** The parsed script: its layers, and which constructor built the model. */
export interface ParsedScript {
  kind: 'Sequential' | 'Model';
  layers: ParsedLayer[];
  modelInputs: string[];
  modelOutputs: string[];
}

// Walks the module with Python's own `ast`: layer calls, their literal keyword arguments and their inputs.
const PARSER = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1]).read())
def lit(node):
    if isinstance(node, ast.Call):
        return {'__layer__': layer(node)}
    if isinstance(node, ast.Tuple):
        return [lit(e) for e in node.elts]
    return ast.literal_eval(node)
def layer(c):
    f = c.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id
    return {'className': name, 'kwargs': {k.arg: lit(k.value) for k in c.keywords}}
def names(node):
    if isinstance(node, ast.Name): return [node.id]
    return [e.id for e in node.elts]
out = {'layers': [], 'modelInputs': [], 'modelOutputs': []}
for stmt in tree.body:
    if not isinstance(stmt, ast.Assign): continue
    target, value = stmt.targets[0].id, stmt.value
    if target == 'model':
        ctor = value.func.attr
        out['kind'] = ctor
        kw = {k.arg: k.value for k in value.keywords}
        if ctor == 'Sequential':
            for e in value.args[0].elts:
                out['layers'].append({'variable': None, **layer(e), 'inputs': []})
        else:
            out['modelInputs'] = names(kw['inputs'])
            out['modelOutputs'] = names(kw['outputs'])
    elif isinstance(value.func, ast.Call):
        out['layers'].append({'variable': target, **layer(value.func), 'inputs': names(value.args[0])})
    else:
        out['layers'].append({'variable': target, **layer(value), 'inputs': []})
print(json.dumps(out))
`;

/** Byte-compiles the code with `python3 -m py_compile` (throws with Python's message) and parses its structure. */
export function checkPython(code: string): ParsedScript {
  const dir = mkdtempSync(join(tmpdir(), 'keras-code-'));
  try {
    const file = join(dir, 'model.py');
    writeFileSync(file, code);
    writeFileSync(join(dir, 'parse.py'), PARSER);
    execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
    return JSON.parse(
      execFileSync('python3', [join(dir, 'parse.py'), file], { encoding: 'utf8' }),
    ) as ParsedScript;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
