// Uploads come first and forms refer to them by id (the API keeps files of a form returned for rework).
import { api, ok } from './client';

export type UploadPath = '/api/v1/me/tickets/files' | '/api/v1/me/appeals/files';
export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Sends the files as multipart (one part per file) and returns what the API stored. */
export async function uploadFiles(path: UploadPath, files: File[]): Promise<UploadedFile[]> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  const result = await ok(api.POST(path, { body: form as never, bodySerializer: (b: unknown) => b as FormData }));
  return (result as { files: UploadedFile[] }).files;
}
