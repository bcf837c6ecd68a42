/**
 * Animated export of the time playback (for slides): each year is shown, the graph drawn into a
 * frame with the year and the caption burnt in, and the frames recorded as WebM (MediaRecorder on a
 * canvas stream, each frame held for its duration) or encoded as a GIF (gifenc, 256 colours).
 */
import { applyPalette, GIFEncoder, quantize } from 'gifenc';

export interface RecordingPlan {
  years: number[];
  /** Shows a year and resolves when it is drawn. */
  show: (year: number) => Promise<void>;
  /** The graph as drawn now (a PNG data URL). */
  snapshot: () => string;
  /** The line under the year (the header's counts, or the story's caption). */
  caption: () => string;
  title: string;
  frameMs: number;
  size: { width: number; height: number };
}

const loadImage = (src: string) =>
  new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the graph image could not be read'));
    img.src = src;
  });

const waitMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Draws one frame: the graph fitted under a band with the year, the title and the caption. */
async function drawFrame(ctx: CanvasRenderingContext2D, plan: RecordingPlan, year: number): Promise<void> {
  const { width, height } = plan.size;
  const band = 64;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const img = await loadImage(plan.snapshot());
  const scale = Math.min(width / img.width, (height - band) / img.height);
  ctx.drawImage(img, (width - img.width * scale) / 2, band + (height - band - img.height * scale) / 2, img.width * scale, img.height * scale);
  ctx.fillStyle = '#1d2330';
  ctx.font = 'bold 34px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(String(year), 16, 12);
  ctx.font = 'bold 16px system-ui, sans-serif';
  ctx.fillText(plan.title, 120, 12);
  ctx.font = '14px system-ui, sans-serif';
  ctx.fillText(plan.caption().slice(0, 120), 120, 36);
}

export async function recordWebm(plan: RecordingPlan): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = plan.size.width;
  canvas.height = plan.size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx || typeof MediaRecorder === 'undefined') throw new Error('this browser cannot record video');
  const stream = canvas.captureStream(30);
  const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? 'video/webm';
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 2_500_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  // the first frame is drawn before recording starts, so the video opens on it
  await plan.show(plan.years[0]!);
  await drawFrame(ctx, plan, plan.years[0]!);
  recorder.start();
  for (const [i, year] of plan.years.entries()) {
    if (i > 0) {
      await plan.show(year);
      await drawFrame(ctx, plan, year);
    }
    await waitMs(plan.frameMs);
  }
  recorder.stop();
  await stopped;
  for (const track of stream.getTracks()) track.stop();
  return new Blob(chunks, { type: 'video/webm' });
}

export async function recordGif(plan: RecordingPlan): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = plan.size.width;
  canvas.height = plan.size.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('this browser cannot draw frames');
  const gif = GIFEncoder();
  for (const year of plan.years) {
    await plan.show(year);
    await drawFrame(ctx, plan, year);
    const { data } = ctx.getImageData(0, 0, plan.size.width, plan.size.height);
    const palette = quantize(data, 256);
    gif.writeFrame(applyPalette(data, palette), plan.size.width, plan.size.height, { palette, delay: plan.frameMs });
  }
  gif.finish();
  return new Blob([gif.bytes()], { type: 'image/gif' });
}
