import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Facts about the machine that make figures comparable (or not) between runs. */
export function machineFacts(): Record<string, string> {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8').split('\n');
    const field = (name: string) =>
      info
        .find((l) => l.startsWith(name))
        ?.split(':')[1]
        ?.trim();
    // Virtual machines often report a bare "AMD EPYC": family, model and clock tell more.
    const detail = [
      `family ${field('cpu family')} model ${field('model\t')}`,
      `${Math.round(Number(field('cpu MHz')))} MHz`,
      field('flags')?.split(' ').includes('hypervisor') ? 'virtual machine' : 'bare metal',
    ];
    cpu = `${field('model name') ?? cpu} (${detail.join(', ')})`;
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
    cpu,
    cores: String(os.availableParallelism()),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}
