// Eleventy 3 ships no type declarations; this is the part of its programmatic API the build uses.
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'watch' | 'serve';
    source?: 'cli' | 'script';
    config?: (eleventyConfig: any) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions, eleventyConfig?: unknown);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    setIsVerbose(verbose: boolean): void;
    [key: string]: any;
  }
}
