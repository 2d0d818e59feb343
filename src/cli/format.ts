// One line per problem, `file:line:col: level: message`, which editors' terminals and CI annotations both read.
export interface Located {
  file: string;
  line: number;
  column?: number;
  message: string;
  code?: string;
}

export function formatProblem(level: 'warning' | 'error' | 'unsure', problem: Located): string {
  const code = problem.code ? ` [${problem.code}]` : '';
  return `${problem.file}:${problem.line}:${problem.column ?? 1}: ${level}${code}: ${problem.message}`;
}

/** GitHub Actions workflow command, so bad bulletins show up on the file in the pull request. */
export function githubAnnotation(level: 'warning' | 'error', problem: Located): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${level} file=${problem.file},line=${problem.line},col=${problem.column ?? 1}::${escape(problem.message)}`;
}
