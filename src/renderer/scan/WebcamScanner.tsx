import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { type Translate, useLang } from '../app/i18n';
import { SCAN_OK_BEEP, beep, flash } from './feedback';
import { createRepeatFilter } from './repeatFilter';
import { fillTemplate } from '../../shared/i18n/catalogue';
import type { TextKey } from '../../shared/i18n/texts';
import { AIM_FRAME, type GreyImage, type StrategyCursor, decodeFrame, greyFromRgba } from './webcamDecode';

/** localStorage key of the chosen camera (its deviceId). */
/** The scanner's own texts: keys of the catalogue's 'scan.' area. */
export type ScanTextKey = Extract<TextKey, `scan.${string}`>;

export const CAMERA_STORAGE_KEY = 'lerarenkaart.scan.cameraId';

export interface WebcamScannerProps {
  /** Called with the raw text of every new code (parse it with parseScan). */
  onScan: (raw: string) => void;
  /** Override single texts (keys of the 'scan.' area); wins over `t` and the app language. */
  labels?: Partial<Record<ScanTextKey, string>>;
  /** Translator; defaults to the app's i18n context (useLang). */
  t?: Translate;
  /** Start the camera when mounted (default false: the hand scanner is the main input). */
  autoStart?: boolean;
  /** The same text is not reported again within this window (default 2000 ms). */
  repeatWindowMs?: number;
  /** Beep on a read (default true). */
  sound?: boolean;
  /** localStorage key for the chosen camera (default CAMERA_STORAGE_KEY). */
  storageKey?: string;
  /** Milliseconds between decode attempts (default 120). */
  scanIntervalMs?: number;
  /** Decode work per frame in ms before the next strategy waits for the next frame (default 40). */
  frameBudgetMs?: number;
  className?: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'searching' }
  | { kind: 'read'; code: string }
  | { kind: 'noCamera' }
  | { kind: 'denied' }
  | { kind: 'busy' }
  | { kind: 'error'; detail: string };

const RUNNING: ReadonlySet<Status['kind']> = new Set(['starting', 'searching', 'read']);

/** Frames are grabbed at most this wide or high: a 1080p camera is read at 1280×720. */
const MAX_GRAB_SIDE = 1280;

/** The overlay's position, from the same fractions the decoder crops with. */
const AIM_STYLE = {
  left: `${((1 - AIM_FRAME.width) / 2) * 100}%`,
  top: `${((1 - AIM_FRAME.height) / 2) * 100}%`,
  width: `${AIM_FRAME.width * 100}%`,
  height: `${AIM_FRAME.height * 100}%`,
} as const;

/**
 * Webcam fallback for the hand scanner: an aiming frame over the camera image, and continuous
 * decoding of Code 128 and QR codes in and around it (strategies in webcamDecode.ts).
 */
export function WebcamScanner({
  onScan,
  labels,
  t,
  autoStart = false,
  repeatWindowMs = 2000,
  sound = true,
  storageKey = CAMERA_STORAGE_KEY,
  scanIntervalMs = 120,
  frameBudgetMs = 40,
  className,
}: WebcamScannerProps) {
  const text = useScanText(labels, t);
  const selectId = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const generation = useRef(0);
  const onScanRef = useRef(onScan);
  const soundRef = useRef(sound);
  const repeat = useRef(createRepeatFilter(repeatWindowMs));
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState(() => readStoredCamera(storageKey));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    onScanRef.current = onScan;
    soundRef.current = sound;
  });
  useEffect(() => {
    repeat.current = createRepeatFilter(repeatWindowMs);
  }, [repeatWindowMs]);

  const refreshDevices = useCallback(async (): Promise<MediaDeviceInfo[]> => {
    if (!navigator.mediaDevices?.enumerateDevices) return [];
    const all = await navigator.mediaDevices.enumerateDevices();
    // Before permission is granted, Chromium lists cameras without id or label.
    const cameras = all.filter((d) => d.kind === 'videoinput');
    setDevices(cameras.filter((d) => d.deviceId !== ''));
    return cameras;
  }, []);

  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return undefined;
    const onChange = () => void refreshDevices().catch(() => undefined);
    onChange();
    media.addEventListener?.('devicechange', onChange);
    return () => media.removeEventListener?.('devicechange', onChange);
  }, [refreshDevices]);

  const stop = useCallback(() => {
    generation.current += 1;
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
    const video = videoRef.current;
    if (video?.srcObject instanceof MediaStream) video.srcObject.getTracks().forEach((track) => track.stop());
    if (video) video.srcObject = null;
  }, []);

  const start = useCallback(
    async (wanted: string) => {
      stop();
      const mine = generation.current;
      const video = videoRef.current;
      if (!video || !navigator.mediaDevices?.getUserMedia) {
        setStatus({ kind: 'noCamera' });
        return;
      }
      setStatus({ kind: 'starting' });
      const cameras = await refreshDevices().catch(() => []);
      if (mine !== generation.current) return;
      if (cameras.length === 0) {
        setStatus({ kind: 'noCamera' });
        return;
      }
      // A camera remembered from another day may be gone: fall back to the default one.
      const chosen = wanted !== '' && cameras.some((c) => c.deviceId === wanted) ? wanted : '';
      repeat.current.reset();
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: chosen ? { deviceId: { exact: chosen } } : true,
        });
      } catch (error) {
        if (mine === generation.current) setStatus(statusForError(error));
        return;
      }
      if (mine !== generation.current) {
        stream.getTracks().forEach((track) => track.stop()); // stopped or unmounted while starting
        return;
      }
      video.srcObject = stream;
      try {
        await video.play();
      } catch {
        // play() is refused while the element is hidden or replaced; frames still arrive.
      }
      if (mine !== generation.current) return;
      setStatus((now) => (now.kind === 'starting' ? { kind: 'searching' } : now));
      void refreshDevices().catch(() => undefined); // labels are visible once permission is granted

      const grabber = createFrameGrabber();
      const cursor: StrategyCursor = { next: 0 };
      const tick = () => {
        if (mine !== generation.current) return;
        const frame = grabber.grab(video);
        const code = frame ? decodeFrame(frame, cursor, frameBudgetMs, () => performance.now()) : null;
        if (code && repeat.current.accept(code.text, performance.now())) {
          setStatus({ kind: 'read', code: code.text });
          if (soundRef.current) beep(SCAN_OK_BEEP);
          flash(frameRef.current, 'ok');
          onScanRef.current(code.text);
        }
        timerRef.current = setTimeout(tick, scanIntervalMs);
      };
      timerRef.current = setTimeout(tick, 0);
    },
    [frameBudgetMs, refreshDevices, scanIntervalMs, stop],
  );

  useEffect(() => stop, [stop]);
  useEffect(() => {
    if (autoStart) void start(readStoredCamera(storageKey));
    // Only on mount: autoStart is a mount-time choice.
  }, []);

  const running = RUNNING.has(status.kind);

  const chooseCamera = (id: string) => {
    setDeviceId(id);
    storeCamera(storageKey, id);
    if (running) void start(id);
  };

  const toggle = () => {
    if (running) {
      stop();
      setStatus({ kind: 'idle' });
    } else {
      void start(deviceId);
    }
  };

  return (
    <section className={className} aria-label={text('scan.video.label')}>
      <div className="scan-controls">
        <label htmlFor={selectId}>{text('scan.camera.label')}</label>{' '}
        <select id={selectId} value={deviceId} onChange={(e) => chooseCamera(e.target.value)}>
          <option value="">{text('scan.camera.default')}</option>
          {devices.map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || text('scan.camera.unnamed', { n: index + 1 })}
            </option>
          ))}
          {deviceId !== '' && !devices.some((d) => d.deviceId === deviceId) ? (
            <option value={deviceId}>{text('scan.camera.unnamed', { n: devices.length + 1 })}</option>
          ) : null}
        </select>{' '}
        <button type="button" onClick={toggle}>
          {running ? text('scan.stop') : text('scan.start')}
        </button>
      </div>
      <div ref={frameRef} className="scan-frame" hidden={!running}>
        <div className="scan-viewport">
          <video ref={videoRef} muted playsInline aria-label={text('scan.video.label')} />
          <div className="scan-aim" style={AIM_STYLE} aria-hidden="true" />
        </div>
        <p className="scan-aim-hint">{text('scan.aim.hint')}</p>
      </div>
      <p role="status" aria-live="polite" className="scan-status" data-status={status.kind}>
        {statusText(status, text)}
      </p>
    </section>
  );
}

/** Draws video frames onto one reused canvas and hands back their grey pixels. */
function createFrameGrabber(): { grab(video: HTMLVideoElement): GreyImage | null } {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    grab(video) {
      if (!context || video.readyState < 2 || video.videoWidth === 0 || video.videoHeight === 0) return null;
      const zoom = Math.min(1, MAX_GRAB_SIDE / Math.max(video.videoWidth, video.videoHeight));
      const width = Math.round(video.videoWidth * zoom);
      const height = Math.round(video.videoHeight * zoom);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(video, 0, 0, width, height);
      return greyFromRgba(context.getImageData(0, 0, width, height).data, width, height);
    },
  };
}

function statusText(status: Status, text: Translate): string {
  switch (status.kind) {
    case 'idle':
      return text('scan.status.idle');
    case 'starting':
      return text('scan.status.starting');
    case 'searching':
      return text('scan.status.searching');
    case 'read':
      return text('scan.status.read', { code: status.code });
    case 'noCamera':
      return text('scan.status.noCamera');
    case 'denied':
      return text('scan.status.denied');
    case 'busy':
      return text('scan.status.busy');
    case 'error':
      return text('scan.status.error', { detail: status.detail });
  }
}

/** getUserMedia's DOMException names → what the librarian can do about it. */
function statusForError(error: unknown): Status {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return { kind: 'denied' };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return { kind: 'noCamera' };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return { kind: 'busy' };
    default:
      return { kind: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

function useScanText(
  labels: Partial<Record<ScanTextKey, string>> | undefined,
  t: Translate | undefined,
): Translate {
  const context = useLang();
  const translate = t ?? context.t;
  return (key, ...params) => {
    const label = labels?.[key as ScanTextKey];
    return label === undefined ? translate(key, ...params) : fillTemplate(label, params[0] ?? {});
  };
}

function readStoredCamera(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function storeCamera(key: string, id: string): void {
  try {
    if (id === '') localStorage.removeItem(key);
    else localStorage.setItem(key, id);
  } catch {
    // private mode / sandbox without storage: the choice lasts for this session only
  }
}
