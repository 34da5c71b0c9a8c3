/**
 * Reading a password at the terminal (not echoed, asked twice) or from standard input.
 */
import { createInterface } from 'node:readline';
import { EcoplanError } from '../domain/errors.js';

/** Reads the first line of standard input. */
export async function readStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new EcoplanError('invalid_input', '标准输入中没有密码', 'No password on standard input');
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
    out._writeToOutput = (s: string) => {
      if (s.startsWith(question)) out.output.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/** Asks for a new password twice at the terminal. */
export async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new EcoplanError('invalid_input', '非交互环境请使用 --password-stdin', 'Use --password-stdin when not at a terminal');
  const a = await askHidden('新密码（至少 8 位，含大写、小写、数字、符号中的三类）：');
  const b = await askHidden('再输入一次：');
  if (a !== b) throw new EcoplanError('invalid_input', '两次输入的密码不一致', 'The passwords differ');
  return a;
}
