/** Types for svgcanvas (the Canvas 2D API drawing into an SVG scene graph), the part we use. */
declare module 'svgcanvas' {
  export class Context {
    constructor(options: { width: number; height: number });
    width: number;
    height: number;
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
