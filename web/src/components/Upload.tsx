/**
 * Drop zone for many files: each file is uploaded on its own (three at a time) with its progress,
 * then its result — the report's counts with a link, 已存在 for a duplicate, or the server's
 * Chinese message.
 */
import { useRef, useState, type DragEvent } from 'react';
import { ApiError, uploadFile, type UploadResult } from '../api.js';
import { formatSize } from '../format.js';
import { Link } from '../router.js';
import { Counts } from './Badges.js';

interface Item {
  key: number;
  file: File;
  sent: number;
  state: 'waiting' | 'uploading' | 'processing' | 'done' | 'failed';
  result?: UploadResult;
  error?: string;
}

const PARALLEL = 3;
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.xlsx,.xls,.docx';

export function UploadZone({ onUploaded }: { onUploaded: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const nextKey = useRef(1);
  const queue = useRef<Item[]>([]);
  const running = useRef(0);

  const patch = (key: number, change: Partial<Item>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...change } : x)));

  const pump = () => {
    while (running.current < PARALLEL && queue.current.length > 0) {
      const item = queue.current.shift()!;
      running.current++;
      patch(item.key, { state: 'uploading' });
      uploadFile(item.file, (sent, total) => patch(item.key, { sent, state: sent >= total ? 'processing' : 'uploading' }))
        .then((result) => {
          patch(item.key, { state: 'done', result, sent: item.file.size });
          onUploaded();
        })
        .catch((e: unknown) => patch(item.key, { state: 'failed', error: e instanceof ApiError ? e.message : '上传失败' }))
        .finally(() => {
          running.current--;
          pump();
        });
    }
  };

  const add = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const added = [...files].map((file) => ({ key: nextKey.current++, file, sent: 0, state: 'waiting' as const }));
    setItems((xs) => [...added, ...xs]);
    queue.current.push(...added);
    pump();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  const done = items.filter((x) => x.state === 'done').length;
  const failed = items.filter((x) => x.state === 'failed').length;

  return (
    <section className="upload">
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onClick={() => input.current?.click()}
        role="button"
        tabIndex={0}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
      >
        <strong>拖放决算公开文件到这里</strong>，或点击选择文件（可多选）
        <div className="muted small">支持 文本、Markdown、HTML、PDF、Excel（.xlsx/.xls）、Word（.docx）；单个文件不超过 50 MB</div>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="upload-input"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <div className="uploads">
          <div className="uploads-head">
            <span>
              共 {items.length} 个文件，完成 {done}，失败 {failed}
            </span>
            {items.every((x) => x.state === 'done' || x.state === 'failed') && (
              <button className="link" onClick={() => setItems([])}>
                清除列表
              </button>
            )}
          </div>
          <ul>
            {items.map((x) => (
              <li key={x.key} className={`upload-item ${x.state}`} data-file={x.file.name} data-state={x.state}>
                <span className="name" title={x.file.name}>
                  {x.file.name}
                </span>
                <span className="size muted">{formatSize(x.file.size)}</span>
                <span className="status">
                  {x.state === 'waiting' && <span className="muted">等待上传</span>}
                  {x.state === 'uploading' && (
                    <>
                      <progress max={x.file.size || 1} value={x.sent} /> {Math.floor((100 * x.sent) / (x.file.size || 1))}%
                    </>
                  )}
                  {x.state === 'processing' && <span className="muted">正在识别和校验……</span>}
                  {x.state === 'done' && x.result && (
                    <>
                      <Link href={`/reports/${x.result.report.id}`}>
                        {x.result.report.entity} {x.result.report.year}
                      </Link>{' '}
                      <Counts errors={x.result.report.errors} warnings={x.result.report.warnings} />
                      {x.result.duplicate && <span className="muted"> （文件已导入过）</span>}
                    </>
                  )}
                  {x.state === 'failed' && <span className="error-text">{x.error}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
