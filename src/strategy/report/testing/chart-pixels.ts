import type { Page } from 'playwright-core';

/** What a chart container holds once lightweight-charts has drawn into it. */
export interface ChartCanvasReading {
  /** Canvases inside the container with a non-zero drawing size. */
  readonly sizedCanvases: number;
  /** Distinct opaque colours across those canvases: 1 would mean a blank, single-colour chart. */
  readonly distinctColours: number;
  /** Opaque pixels within `tolerance` of the series colour on every channel: the series itself drew. */
  readonly seriesColourPixels: number;
}

/**
 * The slice of the browser's DOM the reader touches. The project compiles without the DOM library (it
 * is a server), so the function run in the page names the types it needs itself.
 */
interface PageCanvas {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
interface PageDocument {
  querySelectorAll(selector: string): ArrayLike<PageCanvas>;
}

export async function readChartCanvases(
  page: Page,
  selector: string,
  seriesColour: readonly [number, number, number],
  tolerance = 40,
): Promise<ChartCanvasReading> {
  return page.evaluate(
    ({ selector, seriesColour, tolerance }) => {
      const { document } = globalThis as unknown as { document: PageDocument };
      const canvases = Array.from(document.querySelectorAll(`${selector} canvas`)).filter(
        (canvas) => canvas.width > 0 && canvas.height > 0,
      );
      const colours = new Set<number>();
      let seriesColourPixels = 0;
      for (const canvas of canvases) {
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let offset = 0; offset < pixels.length; offset += 4) {
          const [red, green, blue, alpha] = [
            pixels[offset]!,
            pixels[offset + 1]!,
            pixels[offset + 2]!,
            pixels[offset + 3]!,
          ];
          if (alpha < 200) continue;
          colours.add((red << 16) | (green << 8) | blue);
          const near =
            Math.abs(red - seriesColour[0]) <= tolerance &&
            Math.abs(green - seriesColour[1]) <= tolerance &&
            Math.abs(blue - seriesColour[2]) <= tolerance;
          if (near) seriesColourPixels++;
        }
      }
      return { sizedCanvases: canvases.length, distinctColours: colours.size, seriesColourPixels };
    },
    { selector, seriesColour, tolerance },
  );
}
