import { execFileSync } from 'node:child_process';
import { buildEvalArgs, formatCommand, shellQuote } from './command.js';
import type { RunConfig } from './runConfig.js';

const base: RunConfig = {
  schema_version: 1,
  benchmark: 'mmlu',
  target: 'mmlu',
  alpha: false,
  model: 'openai/gpt-4o',
  limit: null,
  temperature: null,
  top_p: null,
  max_tokens: null,
  timeout: null,
  epochs: null,
  max_connections: null,
  seed: null,
  reasoning_effort: null,
  task_args: {},
  model_args: {},
  openbench_version: '0.5.3',
};

describe('buildEvalArgs', () => {
  it('always asks for a JSON log in the run directory and plain progress output', () => {
    expect(buildEvalArgs(base, '/runs/x/logs')).toEqual([
      'eval',
      'mmlu',
      '--model',
      'openai/gpt-4o',
      '--log-dir',
      '/runs/x/logs',
      '--log-format',
      'json',
      '--display',
      'plain',
    ]);
  });

  it('maps every option to its bench flag', () => {
    const args = buildEvalArgs(
      {
        ...base,
        alpha: true,
        limit: 10,
        temperature: 0.5,
        top_p: 0.9,
        max_tokens: 256,
        timeout: 30,
        epochs: 3,
        max_connections: 4,
        seed: 42,
        reasoning_effort: 'high',
        task_args: { subset: 'stem', shots: '5' },
        model_args: { delay: '0.1' },
      },
      'logs',
    );
    expect(args.slice(10)).toEqual([
      '--limit',
      '10',
      '--temperature',
      '0.5',
      '--top-p',
      '0.9',
      '--max-tokens',
      '256',
      '--timeout',
      '30',
      '--epochs',
      '3',
      '--max-connections',
      '4',
      '--seed',
      '42',
      '--alpha',
      '--reasoning-effort',
      'high',
      '-T',
      'subset=stem',
      '-T',
      'shots=5',
      '-M',
      'delay=0.1',
    ]);
  });

  it('passes zero values (temperature 0, seed 0) instead of dropping them', () => {
    const args = buildEvalArgs({ ...base, temperature: 0, seed: 0 }, 'logs');
    expect(args).toContain('--temperature');
    expect(args[args.indexOf('--temperature') + 1]).toBe('0');
    expect(args[args.indexOf('--seed') + 1]).toBe('0');
  });
});

describe('shellQuote / formatCommand', () => {
  it('leaves plain words alone and quotes everything else', () => {
    expect(shellQuote('openai/gpt-4o')).toBe('openai/gpt-4o');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
  });

  it('round-trips through a real shell', () => {
    const words = [
      'plain',
      'with space',
      "quote'here",
      'dollar $HOME',
      'back`tick`',
      'new\nline',
      'glob*',
      '',
    ];
    const printed = execFileSync('sh', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], {
      encoding: 'utf8',
    });
    expect(printed.split('\0').slice(0, -1)).toEqual(words);
  });

  it('renders the binary and arguments as one line', () => {
    expect(formatCommand('/opt/venv/bin/bench', ['eval', 'x y'])).toBe("/opt/venv/bin/bench eval 'x y'");
  });
});
