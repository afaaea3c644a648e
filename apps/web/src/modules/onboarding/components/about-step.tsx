export function AboutStep() {
  return (
    <>
      <p className="lead">
        Kindred is a peer-support community for people living with the after-effects of trauma: attachment
        injuries, trauma bonds, abusive relationships.
      </p>
      <ul className="plain-list">
        <li>
          <strong>Rooms</strong> are small support groups around a shared experience. Each has its own guidelines
          and peer moderators who keep it safe.
        </li>
        <li>
          <strong>Threads</strong> are unhurried conversations. Reply when you are ready; there are no likes or
          scores, only a few supportive reactions.
        </li>
        <li>
          <strong>You stay pseudonymous.</strong> Choose a handle nobody could link to you. We do not ask for
          an email address.
        </li>
      </ul>
      <p className="notice">
        Kindred is peer support, not emergency care. If you are in danger right now, please contact local emergency
        services or a crisis line.
      </p>
    </>
  );
}
