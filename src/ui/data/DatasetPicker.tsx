import { type DragEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTINS, type BuiltinId, type DatasetConfig } from '../../data';
import { builtinName } from './builtin-text';
import { compressedToWav } from './audio-upload';
import { droppedFiles, zipFiles } from './uploads';

/** Upload kinds offered in the combobox. */
export type UploadMode = 'csv' | 'images' | 'text' | 'audio' | 'ratings' | 'boxes';

const UPLOADS: UploadMode[] = ['csv', 'images', 'text', 'audio', 'ratings', 'boxes'];

/** Upload kinds of the applied domains, whose words live in the `domains` namespace. */
const isDomain = (m: UploadMode): m is 'ratings' | 'boxes' => m === 'ratings' || m === 'boxes';

interface PickerProps {
  shown: DatasetConfig | null;
  mode: UploadMode | null;
  onBuiltin(id: BuiltinId): void;
  onMode(mode: UploadMode | null): void;
}

/** The "Dataset" combobox: built-ins, the current upload, and the upload choices. */
export function DatasetPicker({ shown, mode, onBuiltin, onMode }: PickerProps) {
  const id = useId();
  const { t } = useTranslation('data');
  const { t: td } = useTranslation('domains');
  const source = shown?.source;
  const value = mode ? `upload-${mode}` : source?.kind === 'builtin' ? source.id : source ? 'current' : '';
  return (
    <div className="data-field">
      <label htmlFor={id}>{t('dataset')}</label>
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
        {!source && !mode && <option value="">{t('choose')}</option>}
        <optgroup label={t('builtIn')}>
          {BUILTINS.map((b) => (
            <option key={b.id} value={b.id}>
              {builtinName(b.id)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('yourData')}>
          {source && source.kind !== 'builtin' && <option value="current">{source.fileName}</option>}
          {UPLOADS.map((u) => (
            <option key={u} value={`upload-${u}`}>
              {isDomain(u) ? td(`upload.${u}`) : t(`upload.${u}`)}
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

/** Where a file is chosen or dropped for the selected upload kind. */
export function UploadZone({ mode, busy, onCsv, onImages }: DropProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const { t } = useTranslation('data');
  const { t: ta } = useTranslation('audio');
  const { t: td } = useTranslation('domains');
  // Audio comes as a folder or a .zip of class folders, like images.
  const images = mode === 'images' || mode === 'audio' || mode === 'boxes';
  const audio = mode === 'audio';
  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    const files = e.dataTransfer.files;
    if (!images) return files[0] && onCsv(files[0]);
    if (files.length === 1 && /\.zip$/i.test(files[0].name)) return onImages(files[0], files[0].name);
    const list = await droppedFiles(e.dataTransfer.items);
    onImages(await zipFiles(audio ? await compressedToWav(list) : list), `dropped-${mode}.zip`);
  };
  const onFolder = async (list: FileList | null) => {
    if (!list?.length) return;
    const files = Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
    const converted = audio ? await compressedToWav(files) : files;
    onImages(await zipFiles(converted), `${files[0].path.split('/')[0] || mode}.zip`);
  };
  return (
    <section
      className="drop"
      aria-label={t('uploadRegion')}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <p>{isDomain(mode) ? td(`hint.${mode}`) : t(`hint.${mode}`)}</p>
      <div className="drop__buttons">
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          {images ? t('chooseZip') : t('chooseFile')}
        </button>
        {images && (
          <button type="button" disabled={busy} onClick={() => folderRef.current?.click()}>
            {t('chooseFolder')}
          </button>
        )}
      </div>
      <p className="muted">{t('orDrop')}</p>
      <input
        ref={fileRef}
        type="file"
        hidden
        aria-label={
          audio ? ta('zipFile') : images ? t('imageZip') : mode === 'text' ? t('textCsv') : t('csvFile')
        }
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
          aria-label={audio ? ta('folder') : t('imageFolder')}
          {...{ webkitdirectory: '' }}
          onChange={(e) => void onFolder(e.target.files)}
        />
      )}
    </section>
  );
}
