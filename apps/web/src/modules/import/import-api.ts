import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { uploadFile } from '../../app/api';
import type { ImportResult } from '../../app/types';

export const IMPORT_TEMPLATE_URL = '/api/members/import-template';

export type UploadPhase = 'idle' | 'uploading' | 'validating';

/** Uploads the workbook, reporting byte progress, then a "validating" phase until the server answers. */
export function useMemberImport(unitId: number) {
  const client = useQueryClient();
  const [progress, setProgress] = useState(0);
  const [phase, setPhase] = useState<UploadPhase>('idle');
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      setPhase('uploading');
      return uploadFile<ImportResult>(`/api/units/${unitId}/members/import`, 'file', file, {
        onUploadProgress: setProgress,
        onUploaded: () => setPhase('validating'),
      });
    },
    onSettled: () => setPhase('idle'),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['members'] }),
        client.invalidateQueries({ queryKey: ['units'] }),
      ]);
    },
  });
  return { ...mutation, progress, phase };
}
