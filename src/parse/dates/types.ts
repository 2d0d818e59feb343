// What a single date parser found in the text, before the year is settled against the issue.

export interface DateMention {
  /** Index in the searched text where the mention starts. */
  index: number;
  text: string;
  year: number | null;
  month: number | null;
  day: number | null;
  /** End of a range (`11月27日至28日`): month may be null when the same month goes on. */
  endMonth?: number | null;
  endDay?: number | null;
  /** Day-precise (`11月2日`) or relative to the issue (`近日`): the lede of a news report. */
  newsLede: boolean;
}

export interface DateParser {
  name: string;
  find(text: string): DateMention | null;
}
