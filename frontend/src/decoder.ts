/**
 * Reading QR and Data Matrix labels in the browser with ZXing-C++ compiled to
 * WebAssembly (zxing-wasm's reader build). Rules: the wasm comes from the
 * integration's own static path, next to this module, never from a CDN; the
 * camera is decoded from a canvas at most once per animation frame and never
 * twice at once; stopping the scanner stops every camera track, including
 * those of a camera that opens after the stop.
 */

import { prepareZXingModule, readBarcodes, type ReaderOptions } from "zxing-wasm/reader";

export type LabelFormat = "qr_code" | "data_matrix";

export interface LabelRead {
  text: string;
  format: LabelFormat;
}

let prepared = false;

/** Point zxing-wasm at the wasm file served next to the panel's module. */
export function prepareDecoder(): void {
  if (prepared) {
    return;
  }
  prepared = true;
  const wasmUrl = new URL("zxing_reader.wasm", import.meta.url).href;
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith(".wasm") ? wasmUrl : prefix + path,
    },
  });
}

const FORMATS: Record<string, LabelFormat> = {
  QRCode: "qr_code",
  MicroQRCode: "qr_code",
  DataMatrix: "data_matrix",
};

/** Decode one image; `thorough` tries harder (photos), otherwise fast (video frames). */
export async function decodeImage(
  image: ImageData | Blob,
  thorough: boolean,
): Promise<LabelRead | null> {
  prepareDecoder();
  const options: ReaderOptions = {
    formats: ["QRCode", "DataMatrix"],
    tryHarder: thorough,
    tryRotate: thorough,
    tryInvert: thorough,
    tryDownscale: true,
    maxNumberOfSymbols: 1,
  };
  const results = await readBarcodes(image, options);
  for (const result of results) {
    const format = FORMATS[result.format];
    if (result.isValid && format && result.text) {
      return { text: result.text, format };
    }
  }
  return null;
}

/** Decode a photo file: createImageBitmap → canvas → ImageData. */
export async function decodePhoto(file: Blob): Promise<LabelRead | null> {
  const bitmap = await createImageBitmap(file);
  try {
    // Very large photos are scaled down: a label stays readable at 2,000 px.
    const scale = Math.min(1, 2000 / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvasContext(width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await decodeImage(context.getImageData(0, 0, width, height), true);
  } finally {
    bitmap.close();
  }
}

function canvasContext(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) {
    throw new Error("canvas 2d context unavailable");
  }
  return context;
}

/** Whether the browser lets this page open a camera at all. */
export function cameraAllowed(): boolean {
  return window.isSecureContext && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Live camera decoding into a <video>. */
export class CameraScanner {
  private stream: MediaStream | undefined;
  private frame = 0;
  private busy = false;
  private stopped = false;
  private paused = false;
  private context: CanvasRenderingContext2D | undefined;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly onRead: (read: LabelRead) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Open the camera; rejects with the browser's error when it cannot. */
  async start(): Promise<void> {
    prepareDecoder();
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: "environment", width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
    if (this.stopped) {
      stopStream(stream);
      return;
    }
    this.stream = stream;
    this.video.srcObject = stream;
    this.video.muted = true;
    this.video.setAttribute("playsinline", "");
    await this.video.play().catch(() => undefined);
    this.schedule();
  }

  /** Stop decoding (the camera stays on) until resume(). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  get running(): boolean {
    return this.stream !== undefined && !this.stopped;
  }

  stop(): void {
    this.stopped = true;
    cancelAnimationFrame(this.frame);
    if (this.stream) {
      stopStream(this.stream);
      this.stream = undefined;
    }
    this.video.srcObject = null;
  }

  private schedule(): void {
    if (!this.stopped) {
      this.frame = requestAnimationFrame(() => this.tick());
    }
  }

  private tick(): void {
    this.schedule();
    const video = this.video;
    if (this.busy || this.paused || video.readyState < 2 || !video.videoWidth) {
      return;
    }
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!this.context || this.context.canvas.width !== width || this.context.canvas.height !== height) {
      this.context = canvasContext(width, height);
    }
    this.context.drawImage(video, 0, 0, width, height);
    const image = this.context.getImageData(0, 0, width, height);
    this.busy = true;
    decodeImage(image, false)
      .then((read) => {
        if (read && !this.stopped && !this.paused) {
          this.onRead(read);
        }
      })
      .catch((error: unknown) => {
        // The decoder itself failed (e.g. its wasm did not load): stop, and say so.
        if (!this.stopped) {
          this.stop();
          this.onError(error);
        }
      })
      .finally(() => {
        this.busy = false;
      });
  }
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) {
    track.stop();
  }
}
