// Uploads come first and forms refer to them by id (the API keeps files of a form returned for rework).
import { api, ok } from './client';

export type UploadPath = '/api/v1/me/tickets/files' | '/api/v1/me/appeals/files';
export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * The options that make openapi-fetch send a FormData as it is (multipart, with the browser's boundary):
 * the generated types describe the parts, which a FormData cannot be typed as.
 */
export function multipart(form: FormData) {
  return { body: form as never, bodySerializer: (b: unknown) => b as FormData };
}

/** One `file` part per file, the shape of every files-only upload route. */
export function filesForm(files: File[]): FormData {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return form;
}

/** Sends the files to one of the resident's upload routes and returns what the API stored. */
export async function uploadFiles(path: UploadPath, files: File[]): Promise<UploadedFile[]> {
  const result = await ok(api.POST(path, multipart(filesForm(files))));
  return (result as { files: UploadedFile[] }).files;
}
