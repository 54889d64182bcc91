/** The part of mark.js 8.11 that the benchmark calls (the package ships no types). */
declare module "mark.js" {
  interface MarkOptions {
    className?: string;
    separateWordSearch?: boolean;
    diacritics?: boolean;
    done?: (marks: number) => void;
  }
  export default class Mark {
    constructor(context: Element);
    mark(keywords: string | string[], options?: MarkOptions): void;
    markRegExp(regexp: RegExp, options?: MarkOptions): void;
  }
}
