/** Placeholder until built: the notice list and reader. */
export function Notices() {
  return <h1>公告</h1>;
}
export function NoticeReader(_props: { id: string }) {
  return <h1>公告</h1>;
}
