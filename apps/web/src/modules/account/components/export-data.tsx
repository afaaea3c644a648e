import { EXPORT_URL } from '../api/account-api';

/** A plain download link: the server sends the file as an attachment. */
export function ExportData() {
  return (
    <>
      <p>You can download a copy of what Kindred keeps about you, as one JSON file. It contains:</p>
      <ul className="plain-list">
        <li>your profile (handle, when you joined) and your settings, including content-warning choices</li>
        <li>the threads, replies and chat messages you wrote</li>
        <li>the reports you made and what happened to them</li>
      </ul>
      <p className="muted">
        It contains nobody else’s private information. The file goes wherever your downloads go; on a shared computer or
        phone, delete it when you are done.
      </p>
      <a className="button" href={EXPORT_URL} download="kindred-export.json">
        Download my data
      </a>
    </>
  );
}
