// Opens a file of the organisation's API in a new tab: fetched with the console's headers (the chosen
// organisation), shown from a blob by the browser's own PDF or image viewer.
import { ApiError } from '../../../api/client';
import { staffApi } from '../../api';

type FilePath = '/api/v1/org/meetings/{id}/files/{fileId}' | '/api/v1/org/meetings/{id}/protocol.pdf';

export async function openMeetingFile(path: FilePath, params: { id: string; fileId?: string }) {
  // Opened now, while the click is the user's: a window opened after an await is taken for a pop-up.
  const tab = window.open('', '_blank');
  try {
    const result = await staffApi.GET(path as '/api/v1/org/meetings/{id}/files/{fileId}', {
      params: { path: params as { id: string; fileId: string }, query: { inline: '1' } },
      parseAs: 'blob',
    });
    if (!result.response.ok || !result.data)
      throw new ApiError(result.response.status, { status: result.response.status, code: 'http_error' });
    const url = URL.createObjectURL(result.data as Blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
