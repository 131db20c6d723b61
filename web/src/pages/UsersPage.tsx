import { useState, type FormEvent } from "react";
import { ApiError } from "../api/client";
import { ROLES, type Role, type User } from "../api/types";
import { useMutation } from "../api/useMutation";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthContext";
import { StateMessage } from "../components/StateMessage";
import { TableHead } from "../components/TableHead";
import { FieldError } from "../components/FormField";
import { Options } from "../components/Options";

export const ROLE_NAMES: Record<Role, string> = {
  admin: "Administrator",
  supervisor: "Supervisor",
  operator: "Operator",
  investigator: "Investigator",
  traffic_officer: "Traffic officer",
  auditor: "Auditor",
};

export function UsersPage() {
  const { client } = useAuth();
  const { resource, reload } = useResource((signal) => client.GET("/api/v1/users", { signal }), [client]);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const report = (kind: "ok" | "error", text: string) => setMessage({ kind, text });
  const update = async (user: User, change: { role?: Role; is_active?: boolean }, done: string) => {
    try {
      await client.PATCH("/api/v1/users/{username}", { params: { path: { username: user.username } }, body: change });
      report("ok", done);
      reload();
    } catch (caught) {
      report("error", caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <section>
      <h1>Users</h1>
      <div aria-live="polite">
        {message ? (
          <p className={message.kind === "ok" ? "state state-ok" : "state state-error"} data-testid="users-message">
            {message.text}
          </p>
        ) : null}
      </div>
      <CreateUserForm
        onCreated={(user) => {
          report("ok", `Created user ${user.username} (${ROLE_NAMES[user.role]}).`);
          reload();
        }}
      />
      <h2>All users</h2>
      <StateMessage resource={resource} what="users" />
      {resource.data ? (
        <table className="table" data-testid="users-table">
          <TableHead columns={["Username", "Name", "Role", "Status", "Actions"]} />
          <tbody>
            {resource.data.map((user) => (
              <UserRow key={user.username} user={user} onUpdate={update} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function UserRow({
  user,
  onUpdate,
}: {
  user: User;
  onUpdate: (user: User, change: { role?: Role; is_active?: boolean }, done: string) => Promise<void>;
}) {
  const { session } = useAuth();
  const [role, setRole] = useState<Role>(user.role);
  const self = session?.user.username === user.username;
  const roleId = `role-${user.username}`;
  return (
    <tr className={user.is_active ? undefined : "row-disabled"}>
      <th scope="row">{user.username}</th>
      <td>{user.full_name}</td>
      <td>
        <label className="visually-hidden" htmlFor={roleId}>
          Role of {user.username}
        </label>
        <select id={roleId} value={role} disabled={self} onChange={(e) => setRole(e.target.value as Role)}>
          <Options items={ROLES} label={(r) => ROLE_NAMES[r]} />
        </select>{" "}
        {role !== user.role ? (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => void onUpdate(user, { role }, `${user.username} is now ${ROLE_NAMES[role]}.`)}
          >
            Save role
          </button>
        ) : null}
      </td>
      <td>{user.is_active ? "Active" : "Disabled"}</td>
      <td>
        {self ? (
          <span className="muted">You</span>
        ) : (
          <button
            type="button"
            className={user.is_active ? "btn btn-danger btn-small" : "btn btn-quiet btn-small"}
            aria-label={`${user.is_active ? "Disable" : "Enable"} ${user.username}`}
            onClick={() =>
              void onUpdate(
                user,
                { is_active: !user.is_active },
                `${user.username} ${user.is_active ? "disabled" : "enabled"}.`,
              )
            }
          >
            {user.is_active ? "Disable" : "Enable"}
          </button>
        )}
      </td>
    </tr>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { client } = useAuth();
  const [form, setForm] = useState({ username: "", full_name: "", password: "", role: "operator" as Role });
  const create = useMutation((draft: typeof form) => client.POST("/api/v1/users", { body: draft }), {
    onSuccess: (user, draft) => {
      setForm({ username: "", full_name: "", password: "", role: draft.role });
      onCreated(user);
    },
    describe: (caught) =>
      caught instanceof ApiError && caught.status === 409
        ? `User ${form.username} already exists.`
        : caught instanceof Error
          ? caught.message
          : String(caught),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run(form);
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">Create user</h2>
      <div className="field">
        <label htmlFor="new-username">Username</label>
        <input
          id="new-username"
          required
          pattern="[a-z0-9][a-z0-9_.\-]+"
          title="Lower-case letters, digits, '.', '_' or '-'; at least 2 characters"
          value={form.username}
          onChange={set("username")}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="new-fullname">Full name</label>
        <input id="new-fullname" value={form.full_name} onChange={set("full_name")} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="new-password">Initial password</label>
        <input
          id="new-password"
          type="password"
          required
          minLength={8}
          value={form.password}
          onChange={set("password")}
          autoComplete="new-password"
        />
      </div>
      <div className="field">
        <label htmlFor="new-role">Role</label>
        <select id="new-role" value={form.role} onChange={set("role")}>
          <Options items={ROLES} label={(r) => ROLE_NAMES[r]} />
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.busy}>
          {create.busy ? "Creating…" : "Create user"}
        </button>
        {create.error ? <FieldError>{create.error}</FieldError> : null}
      </div>
    </form>
  );
}
