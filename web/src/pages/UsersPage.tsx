import { useState, type FormEvent } from "react";
import { ApiError } from "../api/client";
import { ROLES, type Role, type User } from "../api/types";
import { useMutation } from "../api/useMutation";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthContext";
import { StateMessage } from "../components/StateMessage";
import { TableHead } from "../components/TableHead";
import { ChoiceSelect } from "../components/ChoiceSelect";
import { FormField } from "../components/FormField";
import { SubmitActions } from "../components/SubmitActions";
import { Options } from "../components/Options";
import { messageRecord, t } from "../i18n/catalogue";

export const ROLE_NAMES: Record<Role, string> = messageRecord<Role>({
  admin: "users.administrator",
  supervisor: "users.supervisor",
  operator: "users.operator",
  investigator: "users.investigator",
  traffic_officer: "users.trafficOfficer",
  auditor: "users.auditor",
});

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
      <h1>{t("users.users")}</h1>
      <div aria-live="polite">
        {message ? (
          <p className={message.kind === "ok" ? "state state-ok" : "state state-error"} data-testid="users-message">
            {message.text}
          </p>
        ) : null}
      </div>
      <CreateUserForm
        onCreated={(user) => {
          report("ok", t("users.createdUser", { username: user.username, value: ROLE_NAMES[user.role] }));
          reload();
        }}
      />
      <h2>{t("users.allUsers")}</h2>
      <StateMessage resource={resource} what="users" />
      {resource.data ? (
        <table className="table" data-testid="users-table">
          <TableHead columns={[t("users.username"), t("users.name"), t("users.role"), t("users.status"), t("users.actions")]} />
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
          {t("users.roleOf", { username: user.username })}
        </label>
        <select id={roleId} value={role} disabled={self} onChange={(e) => setRole(e.target.value as Role)}>
          <Options items={ROLES} label={(r) => ROLE_NAMES[r]} />
        </select>{" "}
        {role !== user.role ? (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => void onUpdate(user, { role }, t("users.isNow", { username: user.username, value: ROLE_NAMES[role] }))}
          >
            {t("users.saveRole")}
          </button>
        ) : null}
      </td>
      <td>{user.is_active ? t("users.active") : t("users.disabled")}</td>
      <td>
        {self ? (
          <span className="muted">{t("users.you")}</span>
        ) : (
          <button
            type="button"
            className={user.is_active ? "btn btn-danger btn-small" : "btn btn-quiet btn-small"}
            aria-label={`${user.is_active ? t("users.disable") : t("users.enable")} ${user.username}`}
            onClick={() =>
              void onUpdate(
                user,
                { is_active: !user.is_active },
                `${user.username} ${user.is_active ? "disabled" : "enabled"}.`,
              )
            }
          >
            {user.is_active ? t("users.disable") : t("users.enable")}
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
        ? t("users.userAlreadyExists", { username: form.username })
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
      <h2 id="create-user-title">{t("users.createUser")}</h2>
      <FormField id="new-username" label={t("users.username")}>
        {(control) => (
          <input
            {...control}
            required
            pattern="[a-z0-9][a-z0-9_.\-]+"
            title={t("users.lowerCaseLettersDigits")}
            value={form.username}
            onChange={set("username")}
            autoComplete="off"
          />
        )}
      </FormField>
      <FormField id="new-fullname" label={t("users.fullName")}>
        {(control) => <input {...control} value={form.full_name} onChange={set("full_name")} autoComplete="off" />}
      </FormField>
      <FormField id="new-password" label={t("users.initialPassword")}>
        {(control) => (
          <input
            {...control}
            type="password"
            required
            minLength={8}
            value={form.password}
            onChange={set("password")}
            autoComplete="new-password"
          />
        )}
      </FormField>
      <FormField id="new-role" label={t("users.role")}>
        {(control) => (
          <ChoiceSelect
            {...control}
            values={ROLES}
            label={(r) => ROLE_NAMES[r]}
            value={form.role}
            onChange={(role) => setForm((f) => ({ ...f, role }))}
          />
        )}
      </FormField>
      <SubmitActions
        label={t("users.createUser")}
        busyLabel={t("users.creating")}
        busy={create.busy}
        error={create.error}
      />
    </form>
  );
}
