// PyTorch on the CPU, shared by bench/wasm-threads.ts and bench/wasm-profile.ts: the reference CNN (Conv2d 32 3×3,
// ReLU, MaxPool 2, Flatten, Linear 10; Adam 1e-3; random data) at given thread counts, best of `repeats` epochs
// after a warm-up. Looks for a python3 that imports torch: the one on PATH first, then the system's (Debian's
// python3-torch installs there, while PATH may lead to another Python first).
import { spawnSync } from 'node:child_process';

export const TORCH_SCRIPT = `
import json, sys, time
try:
    import torch
except Exception as e:
    print(json.dumps({"installed": False, "reason": "PyTorch is not installed here (python3 -c 'import torch' failed: %s)" % e}))
    sys.exit(0)
threads = [int(v) for v in sys.argv[1].split(",")]
batch, samples, repeats = [int(v) for v in sys.argv[2:5]]
out = {"installed": True, "version": torch.__version__, "threads": {}}
x = torch.rand(samples, 1, 28, 28)
y = torch.randint(0, 10, (samples,))
for t in threads:
    torch.set_num_threads(t)
    best = 0.0
    for r in range(repeats + 1):
        torch.manual_seed(1)
        model = torch.nn.Sequential(torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                    torch.nn.Flatten(), torch.nn.Linear(13 * 13 * 32, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        lossf = torch.nn.CrossEntropyLoss()
        t0 = time.perf_counter()
        for i in range(0, samples, batch):
            opt.zero_grad()
            loss = lossf(model(x[i:i + batch]), y[i:i + batch])
            loss.backward()
            opt.step()
        speed = samples / (time.perf_counter() - t0)
        if r > 0: best = max(best, speed)
    out["threads"][str(t)] = round(best)
print(json.dumps(out))
`;

const PYTHONS = ['python3', '/usr/bin/python3'];

/** Runs `python3 args` with the first Python that has torch; its JSON, or why PyTorch was not measured. */
export function torchPython(args: string[]): Record<string, unknown> {
  let last: Record<string, unknown> = { installed: false, reason: 'no python3 found' };
  for (const python of PYTHONS) {
    const r = spawnSync(python, args, { encoding: 'utf8' });
    if (r.error) {
      last = { installed: false, reason: `${python} could not run: ${r.error.message}` };
      continue;
    }
    try {
      last = { python, ...JSON.parse(r.stdout) };
    } catch {
      last = { installed: false, reason: `${python} failed: ${(r.stderr || r.stdout).slice(-300)}` };
    }
    if (last.installed) return last;
  }
  return last;
}

/** PyTorch's samples/s on the reference CNN at each thread count. */
export function torchCpu(threads: number[], batch: number, samples: number, repeats: number) {
  return torchPython([
    '-c',
    TORCH_SCRIPT,
    threads.join(','),
    String(batch),
    String(samples),
    String(repeats),
  ]);
}
