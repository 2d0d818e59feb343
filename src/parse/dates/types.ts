// What a single date parser found in the text, before the year is settled against the issue.

export interface DateMention {
  /** Index in the searched text where the mention starts. */
  index: number;
  text: string;
  /** Stated year, or null when the issue implies it. */
  year: number | null;
  /** Stated month, or null: then the mention is relative to the issue (`近日`, `今日`, `今（15）日`). */
  month: number | null;
  /** Stated day (`11月2日`, `今（15）日`), or null. */
  day: number | null;
  /** End of a range (`11月27日至28日`): year and month may be null when they go on. */
  endYear?: number | null;
  endMonth?: number | null;
  endDay?: number | null;
  /** Day a month part starts on when no day is stated (`中旬` → 11); the date stays approximate. */
  defaultDay?: number;
  /** Days from the issue day (`今日` 0, `昨日` -1): exact only when the day is known. */
  relativeDays?: number;
  /** Set by findLedeDate: length of the dateline (`本报讯（记者 张三）`) before the lede, 0 when none. */
  datelineLength?: number;
  /** Set by findLedeDate: the date stands inside the dateline itself (`新华社重庆3月9日电`). */
  inDateline?: boolean;
  /** Day-precise (`11月2日`) or relative to the issue (`近日`): the lede of a news report. */
  newsLede: boolean;
}

export interface DateParser {
  name: string;
  /** Characters one of which every match contains (`月`): findLedeDate skips the parser when none is there. */
  needsAnyOf?: string;
  /** The first mention at or after `from` (default 0); text before `from` is still read as context. */
  find(text: string, from?: number): DateMention | null;
}
