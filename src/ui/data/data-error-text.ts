/**
 * A data loader's sentence in the UI language. src/data stays free of i18n: a `DataError` carries its English
 * sentence and a code with values (catalog `dataErrors`), said here through `coded-text.ts`.
 */
import { DataError, type DataErrorDetail } from '../../data';
import { codedSentence, codedText } from '../coded-text';

/** The sentence of a data problem's code and values in language `lng` (the UI language by default). */
export function dataErrorSentence(detail: DataErrorDetail, lng?: string): string {
  return codedSentence('dataErrors', detail, lng);
}

/** A data problem for the person: its English sentence as it is, or its translation in another language. */
export function dataErrorText(problem: { message: string; detail?: DataErrorDetail }): string {
  return codedText('dataErrors', problem);
}

/** What a caught error says to the person: a data error in the UI language, any other error's own message. */
export function errorText(e: unknown): string {
  if (e instanceof DataError) return dataErrorText(e);
  return e instanceof Error ? e.message : String(e);
}
