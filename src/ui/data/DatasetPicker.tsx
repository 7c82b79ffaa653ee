import { type DragEvent, useId, useRef } from 'react';
import { BUILTINS, type BuiltinId, type DatasetConfig } from '../../data';
import { droppedFiles, zipFiles } from './uploads';

/** Upload kinds offered in the combobox. */
export type UploadMode = 'csv' | 'images' | 'text';

const UPLOADS: { value: `upload-${UploadMode}`; label: string }[] = [
  { value: 'upload-csv', label: 'Upload CSV…' },
  { value: 'upload-images', label: 'Upload images (folder or .zip)…' },
  { value: 'upload-text', label: 'Upload text (CSV)…' },
];

interface PickerProps {
  shown: DatasetConfig | null;
  mode: UploadMode | null;
  onBuiltin(id: BuiltinId): void;
  onMode(mode: UploadMode | null): void;
}

/** The "Dataset" combobox: built-ins, the current upload, and the upload choices. */
export function DatasetPicker({ shown, mode, onBuiltin, onMode }: PickerProps) {
  const id = useId();
  const source = shown?.source;
  const value = mode ? `upload-${mode}` : source?.kind === 'builtin' ? source.id : source ? 'current' : '';
  return (
    <div className="data-field">
      <label htmlFor={id}>Dataset</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith('upload-')) onMode(v.slice(7) as UploadMode);
          else if (v !== 'current' && v !== '') onBuiltin(v as BuiltinId);
          else onMode(null);
        }}
      >
        {!source && !mode && <option value="">Choose a dataset…</option>}
        <optgroup label="Built-in">
          {BUILTINS.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Your data">
          {source && source.kind !== 'builtin' && <option value="current">{source.fileName}</option>}
          {UPLOADS.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

interface DropProps {
  mode: UploadMode;
  busy: boolean;
  onCsv(file: File): void;
  onImages(blob: Blob, name: string): void;
}

const HINTS: Record<UploadMode, string> = {
  csv: 'A table with a header row. You pick the target column and the preprocessing next.',
  text: 'A CSV with a text column and a label column, e.g. message,label.',
  images: 'One folder per class (cats/…, dogs/…), as a folder or a .zip. PNG, JPEG, GIF, BMP or WebP.',
};

/** Where a file is chosen or dropped for the selected upload kind. */
export function UploadZone({ mode, busy, onCsv, onImages }: DropProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const images = mode === 'images';
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    const files = e.dataTransfer.files;
    if (!images) return files[0] && onCsv(files[0]);
    if (files.length === 1 && /\.zip$/i.test(files[0].name)) return onImages(files[0], files[0].name);
    const list = await droppedFiles(e.dataTransfer.items);
    onImages(await zipFiles(list), 'dropped-images.zip');
  };
  const onFolder = async (list: FileList | null) => {
    if (!list?.length) return;
    const files = Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
    onImages(await zipFiles(files), `${files[0].path.split('/')[0] || 'images'}.zip`);
  };
  return (
    <section className="drop" aria-label="Upload" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <p>{HINTS[mode]}</p>
      <div className="drop__buttons">
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          {images ? 'Choose .zip…' : 'Choose file…'}
        </button>
        {images && (
          <button type="button" disabled={busy} onClick={() => folderRef.current?.click()}>
            Choose folder…
          </button>
        )}
      </div>
      <p className="muted">…or drop it here.</p>
      <input
        ref={fileRef}
        type="file"
        hidden
        aria-label={images ? 'Image zip file' : mode === 'text' ? 'Text CSV file' : 'CSV file'}
        accept={images ? '.zip,application/zip' : '.csv,.tsv,.txt,text/csv'}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) images ? onImages(f, f.name) : onCsv(f);
        }}
      />
      {images && (
        <input
          ref={folderRef}
          type="file"
          hidden
          aria-label="Image folder"
          {...{ webkitdirectory: '' }}
          onChange={(e) => void onFolder(e.target.files)}
        />
      )}
    </section>
  );
}
