import { useState } from 'react';
import { Layout, Menu, Button, Space, Tag, Typography, Grid } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useSession } from '../auth/AuthContext';
import { navigationFor, selectedNav } from './navigation';

/** Signed-in frame: role-aware menu (a drawer-like collapsible side bar below laptop width), user and sign-out. */
export function AppLayout() {
  const session = useSession();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(narrow);
  const items = navigationFor(session.roles);
  const selected = selectedNav(location.pathname, items);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        collapsedWidth={narrow ? 0 : 64}
        breakpoint="lg"
        trigger={null}
        width={210}
        aria-label="Main navigation"
      >
        <div style={{ color: '#fff', fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? 'OM' : 'OpenMineral'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items.map((item) => ({ key: item.path, label: item.label }))}
          onClick={({ key }) => {
            navigate(key);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}
        >
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={collapsed ? 'Show navigation' : 'Hide navigation'}
            onClick={() => setCollapsed(!collapsed)}
          />
          <Space wrap>
            <Typography.Text strong data-testid="signed-in-user">{session.username}</Typography.Text>
            {session.roles.map((role) => (
              <Tag key={role} color="blue">
                {role}
              </Tag>
            ))}
            <Button onClick={signOut}>Sign out</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
