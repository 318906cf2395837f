import { useState } from 'react';
import { Button, Space, Tooltip, message } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { describe } from '../api/problem';
import { saveFile } from '../common/saveFile';
import { reportPath } from './reportData';

type Params = Record<string, string | number | null | undefined>;

/** CSV and PDF of a report with the filters shown (format=csv, format=pdf), downloaded with the token. */
export function ReportDownloads({
  title,
  path,
  params,
  fileName,
  disabledReason,
}: {
  /** The report's name, for the buttons' accessible names and messages. */
  title: string;
  path: string;
  params: Params;
  /** A name without extension, used when the server gives none. */
  fileName: string;
  /** Set when the server would refuse the file (the trade report while incomplete). */
  disabledReason?: string;
}) {
  const [busy, setBusy] = useState<'csv' | 'pdf'>();
  const save = async (format: 'csv' | 'pdf') => {
    setBusy(format);
    try {
      await saveFile(reportPath(path, { ...params, format }), `${fileName}.${format}`);
    } catch (e) {
      message.error(`${title} (${format.toUpperCase()}): ${describe(e)}`);
    } finally {
      setBusy(undefined);
    }
  };
  const button = (format: 'csv' | 'pdf') => (
    <Button
      icon={<DownloadOutlined />}
      loading={busy === format}
      disabled={!!disabledReason}
      onClick={() => save(format)}
      aria-label={`Download ${title} as ${format.toUpperCase()}`}
    >
      {format.toUpperCase()}
    </Button>
  );
  const buttons = (
    <Space wrap>
      {button('csv')}
      {button('pdf')}
    </Space>
  );
  return disabledReason ? <Tooltip title={disabledReason}>{buttons}</Tooltip> : buttons;
}
