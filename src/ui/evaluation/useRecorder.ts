import { useRef, useState } from 'react';

/**
 * Records from the microphone (getUserMedia + MediaRecorder) for at most `seconds`, then hands the encoded
 * recording to `onDone`. `error` holds the reason when the microphone cannot be opened.
 */
export function useRecorder(seconds: number, onDone: (bytes: ArrayBuffer) => void) {
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rec = useRef<MediaRecorder | null>(null);
  const stop = () => {
    if (rec.current?.state === 'recording') rec.current.stop();
  };
  const start = async () => {
    setError(null);
    try {
      if (!navigator.mediaDevices?.getUserMedia)
        throw new Error('this browser offers no microphone access here (it needs https or localhost)');
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const r = new MediaRecorder(stream);
      rec.current = r;
      r.ondataavailable = (e) => chunks.push(e.data);
      r.onstop = async () => {
        for (const track of stream.getTracks()) track.stop();
        setRecording(false);
        onDone(await new Blob(chunks, { type: r.mimeType }).arrayBuffer());
      };
      r.start();
      setRecording(true);
      setTimeout(() => r.state === 'recording' && r.stop(), seconds * 1000);
    } catch (e) {
      setRecording(false);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return { recording, error, start: () => void start(), stop };
}
