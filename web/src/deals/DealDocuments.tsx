import { useState } from 'react';
import { Button, Card, Empty, Table, Tag, message } from 'antd';
import { describe } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatDateTime } from '../common/format';
import { saveFile } from '../common/saveFile';
import { useApi } from '../common/useApi';
import { useLiveRefresh } from '../live/LiveEvents';

/** A document of the deal as GET /api/deals/{id}/documents lists it. */
export interface DealDocument {
  id: string;
  kind: string;
  title: string;
  detail: string | null;
  mediaType: string;
  at: string | null;
  href: string;
}

const KIND_COLORS: Record<string, string> = { CONTRACT_DRAFT: 'blue', INVOICE: 'green', CLOSING_REPORT: 'purple', AUDIT_REPORT: 'gold' };

/** A fallback file name from the document's id and media type. */
export function fileNameFor(document: DealDocument): string {
  const extension = document.mediaType.startsWith('text/markdown')
    ? 'md'
    : document.mediaType.startsWith('text/html')
      ? 'html'
      : document.mediaType.startsWith('application/pdf')
        ? 'pdf'
        : 'json';
  return `${document.id}.${extension}`;
}

/** Saves a document with the bearer token. */
function download(document: DealDocument): Promise<void> {
  return saveFile(document.href, fileNameFor(document));
}

/** The deal's documents with a download each: contract draft, invoices, closing and audit reports. */
export function DealDocuments({ dealId }: { dealId: string }) {
  const documents = useApi<DealDocument[]>(`/api/deals/${dealId}/documents`);
  const [busy, setBusy] = useState<string>();
  useLiveRefresh(['deal.', 'task.'], documents.reload);

  const save = async (document: DealDocument) => {
    setBusy(document.id);
    try {
      await download(document);
    } catch (e) {
      message.error(`${document.title}: ${describe(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title="Documents" style={{ marginBottom: 16 }} data-testid="deal-documents">
      <ProblemAlert error={documents.error} onRetry={documents.reload} />
      <Table<DealDocument>
        size="small"
        rowKey="id"
        loading={documents.loading}
        dataSource={documents.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="No document yet: the contract draft follows the approval" /> }}
        columns={[
          { title: 'Kind', key: 'kind', render: (_, d) => <Tag color={KIND_COLORS[d.kind]}>{d.kind.replace('_', ' ').toLowerCase()}</Tag> },
          { title: 'Document', dataIndex: 'title' },
          { title: 'About', key: 'detail', render: (_, d) => d.detail ?? '' },
          { title: 'Written', key: 'at', render: (_, d) => (d.at ? formatDateTime(d.at) : 'when downloaded') },
          {
            title: '',
            key: 'download',
            align: 'right',
            render: (_, d) => (
              <Button size="small" loading={busy === d.id} onClick={() => save(d)} aria-label={`Download ${d.title}`}>
                Download
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
