import { describeFailure } from './failure.js';

const base = { exitCode: 1, signal: null, header: null };

describe('describeFailure', () => {
  it('prefers the inspect log’s own error', () => {
    expect(
      describeFailure({
        ...base,
        exitCode: 0,
        stderrTail: ['noise'],
        header: { status: 'error', error: { message: 'RuntimeError: x' } },
      }),
    ).toBe('RuntimeError: x');
  });

  it('reads bench’s ❌ message with its explanation, without the --debug hint', () => {
    const stderrTail = [
      '\u001b[31m❌ ERROR: Unable to initialise OpenAI client\u001b[0m',
      '',
      'No OPENAI_API_KEY, AZUREAI_OPENAI_API_KEY, or or managed identity (Entra ID) defined in the environment.',
      '',
      'For full stack trace, run with --debug flag',
    ];
    expect(describeFailure({ ...base, stderrTail })).toBe(
      'ERROR: Unable to initialise OpenAI client\nNo OPENAI_API_KEY, AZUREAI_OPENAI_API_KEY, or or managed identity (Entra ID) defined in the environment.',
    );
  });

  it('reads the text of a usage-error box', () => {
    const stderrTail = [
      'Usage: bench eval [OPTIONS] BENCHMARKS...',
      '╭─ Error ─────╮',
      "│ Invalid value for '--limit': 'x' is not a valid integer. │",
      '╰─────────────╯',
    ];
    expect(describeFailure({ ...base, exitCode: 2, stderrTail })).toBe(
      "Invalid value for '--limit': 'x' is not a valid integer.",
    );
  });

  it('falls back to the exit code or signal with the last stderr lines', () => {
    expect(describeFailure({ ...base, exitCode: 3, stderrTail: ['a', 'b'] })).toBe(
      'bench exited with code 3: a\nb',
    );
    expect(describeFailure({ ...base, exitCode: null, signal: 'SIGKILL', stderrTail: [] })).toBe(
      'bench was stopped by SIGKILL',
    );
  });
});
